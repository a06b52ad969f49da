package org.imrsearch.facets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;

/**
 * Facet counting for the search and rate services: the one way in to this package.
 *
 * <p>One instance serves one index for its whole life. It keeps each facet value's documents as bit
 * sets across refreshes (for the segments that remain) and per reader the facet ordinals ({@link
 * #forReader}, built once per refresh, not once per query). {@link FacetStrategy} picks how each
 * set of hits is counted. Thread-safe.
 *
 * <p>Threads: counting splits into per-segment tasks on {@code segmentWork}, which never wait for
 * other tasks; whatever waits (counting in the background while a page is read, the searches of
 * drill sideways) runs on {@code waitingWork}. See {@code org.imrsearch.search.SearchThreads} for
 * why that keeps the pools from deadlocking.
 */
public final class FacetCounting {
  private final FacetsConfig config;
  private final ExecutorService segmentWork;
  private final ExecutorService waitingWork;
  private final FacetBitSets bitSets;

  /**
   * @param segmentWork bounded threads for per-segment counting tasks, which never block
   * @param waitingWork threads (virtual) for work that waits on other threads
   * @param maxBitSetBytes the most memory the facet values' bit sets may take
   */
  public FacetCounting(
      FacetsConfig config,
      ExecutorService segmentWork,
      ExecutorService waitingWork,
      long maxBitSetBytes) {
    this.config = config;
    this.segmentWork = segmentWork;
    this.waitingWork = waitingWork;
    this.bitSets = new FacetBitSets(maxBitSetBytes, FacetStrategy.MAX_VALUES_AS_BITS);
  }

  /** The facet state of {@code reader}; build it once per reader, when the reader opens. */
  public ReaderFacets forReader(IndexReader reader) throws IOException {
    return new ReaderFacets(reader);
  }

  /** Bytes the facet values' bit sets take now, over all open segments. */
  public long bitSetBytes() {
    return bitSets.bytes();
  }

  /**
   * Collects a query's hits for counting (no scores), a segment's hits as bits from the first hit.
   */
  public static CollectorManager<?, FacetsCollector> hitsCollector() {
    return BitSetFacetsCollector.manager();
  }

  /** The number of hits {@code collected} holds, over all segments. */
  public static long totalHits(FacetsCollector collected) {
    return BitSetFacetsCollector.totalHits(collected);
  }

  /**
   * Waits until {@code facets}, if they are being counted in the background, are done, whatever the
   * outcome: call it before releasing the reader they count.
   */
  public static void awaitQuietly(Facets facets) {
    FutureFacets.awaitQuietly(facets);
  }

  /** The facet state of one reader (one point in time), and counting over it. */
  public final class ReaderFacets {
    private final IndexReader reader;
    private final SortedSetDocValuesReaderState state;
    private final Map<String, StringDocValuesReaderState> keywordStates = new ConcurrentHashMap<>();

    private ReaderFacets(IndexReader reader) throws IOException {
      this.reader = reader;
      this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
    }

    /**
     * The facet counts of {@code hits}: dimensions {@code dims} counted now, any other level when
     * asked for, each the way {@link FacetStrategy} chooses.
     */
    public Facets count(FacetsCollector hits, List<String> dims) throws IOException {
      return switch (FacetStrategy.choose(totalHits(hits), reader.maxDoc(), dims)) {
        case BIT_SETS ->
            new BitSetFacetCounts(
                bitSets, config, hits, dims, segmentWork, () -> countAllDims(hits));
        case KEYWORD_DOC_VALUES -> new StringValueFacetCounts(keywordState(dims.get(0)), hits);
        case SORTED_SET_DOC_VALUES -> countAllDims(hits);
      };
    }

    /**
     * The same counts as {@link #count}, worked out on another thread while the caller goes on
     * (reads its page of hits); the first question asked of them waits for them.
     */
    public Facets countInBackground(FacetsCollector hits, List<String> dims) {
      return inBackground(() -> count(hits, dims));
    }

    /**
     * Drill sideways over {@code searcher} (of this reader), its searches side by side, counting
     * {@code dims} of the drill-down hits and each selected dimension of its sideways hits.
     */
    public DrillSideways drillSideways(IndexSearcher searcher, List<String> dims) {
      return new KeywordDrillSideways(searcher, config, this, dims, waitingWork);
    }

    Facets inBackground(FutureFacets.Counting counting) {
      return FutureFacets.start(counting, waitingWork);
    }

    /** Lucene's counts of every dimension, the segments counted side by side. */
    private Facets countAllDims(FacetsCollector hits) throws IOException {
      try {
        return new ConcurrentSortedSetDocValuesFacetCounts(state, hits, segmentWork);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while counting facets", e);
      }
    }

    /** The reader's facet ordinals (every dimension's values, as indexed). */
    public SortedSetDocValuesReaderState state() {
      return state;
    }

    /** The ordinals of keyword field {@code field} across the reader's segments, built once. */
    private StringDocValuesReaderState keywordState(String field) throws IOException {
      try {
        return keywordStates.computeIfAbsent(
            field,
            f -> {
              try {
                return new StringDocValuesReaderState(reader, f);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
