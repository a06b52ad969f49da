package org.imrsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.index.IndexVersion;
import org.imrsearch.index.Schema;

/**
 * Point-in-time searchers over one index, refreshed as new commits appear. Each searcher comes with
 * the facet state of its reader, built once per refresh rather than once per query.
 */
public final class IndexSearchers implements AutoCloseable {
  /**
   * A query with at least one hit in this many documents counts its facets from bit sets. At a
   * million letters the bit sets cost about 3.5 ms whatever the hits, doc values about 35 ns a hit:
   * even at about 100,000 hits, one in 33 documents.
   */
  static final int BROAD = 32;

  /**
   * The most values of one facet level kept as bit sets: the sidebar's largest level (reviewer
   * specialty) has a few dozen; a level with hundreds (the sections under one guideline, in a large
   * real corpus) is counted from doc values instead.
   */
  static final int MAX_VALUES_AS_BITS = 128;

  /** A searcher and its facet state; release it (try-with-resources) when done. */
  public final class Snapshot implements AutoCloseable {
    private final IndexSearcher searcher;

    private Snapshot(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    public IndexSearcher searcher() {
      return searcher;
    }

    /**
     * A searcher of the same point in time that gives up after {@code timeout}: each request gets
     * its own, since the limit is a property of the searcher.
     */
    public IndexSearcher searcher(Duration timeout) {
      IndexSearcher limited = new IndexSearcher(searcher.getIndexReader(), segmentThreads);
      limited.setTimeout(new QueryTimeoutImpl(timeout.toMillis()));
      return limited;
    }

    /**
     * Identifies this point in time: equal for snapshots of the same reader, so results can be
     * cached by it.
     */
    public Object version() {
      return searcher.getIndexReader().getReaderCacheHelper().getKey();
    }

    public SortedSetDocValuesReaderState facetState() {
      return ((StatefulSearcher) searcher).state;
    }

    /**
     * The facet counts of {@code hits}, dimensions {@code dims} counted now and any other level
     * when asked for.
     *
     * <p>A broad query's hits are counted value by value against bit sets of each facet value
     * ({@link BitSetFacetCounts}): the cost grows with the index and the number of values, not with
     * the hits. A narrow query's hits are counted from their doc values (Lucene's counts), about 20
     * ordinals a decision: cheaper below one hit in {@value #BROAD} documents. A single flat
     * dimension is counted from its own keyword doc values.
     */
    public Facets countFacets(FacetsCollector hits, List<String> dims) throws IOException {
      long total = BitSetFacetsCollector.totalHits(hits);
      if (total * BROAD >= searcher.getIndexReader().maxDoc()) {
        return new BitSetFacetCounts(
            bitSets, facetsConfig, hits, dims, countThreads, () -> countAllDims(hits));
      }
      if (dims.size() == 1 && !Schema.isHierarchical(dims.get(0))) {
        return new StringValueFacetCounts(keywordState(dims.get(0)), hits);
      }
      return countAllDims(hits);
    }

    /**
     * Lucene's counts of every dimension, the segments counted in parallel: at a million letters a
     * broad query's counting was most of its time, and one core would leave the other idle.
     */
    private Facets countAllDims(FacetsCollector hits) throws IOException {
      try {
        return new ConcurrentSortedSetDocValuesFacetCounts(facetState(), hits, countThreads);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while counting facets", e);
      }
    }

    /** Facets that {@code counting} works out in the background, for the caller to read later. */
    Facets inBackground(FutureFacets.Counting counting) {
      return FutureFacets.start(counting, backgroundThreads);
    }

    /**
     * Threads that may run whole searches of this snapshot side by side, and block while they do.
     */
    ExecutorService queryThreads() {
      return backgroundThreads;
    }

    /**
     * The ordinals of keyword field {@code field} across this reader's segments, built once per
     * reader.
     */
    public StringDocValuesReaderState keywordState(String field) throws IOException {
      try {
        return ((StatefulSearcher) searcher)
            .keywordStates.computeIfAbsent(
                field,
                f -> {
                  try {
                    return new StringDocValuesReaderState(searcher.getIndexReader(), f);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    public Map<String, String> commitData() throws IOException {
      IndexReader reader = searcher.getIndexReader();
      return reader instanceof DirectoryReader dr ? dr.getIndexCommit().getUserData() : Map.of();
    }

    @Override
    public void close() {
      try {
        manager.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class StatefulSearcher extends IndexSearcher {
    final SortedSetDocValuesReaderState state;
    final Map<String, StringDocValuesReaderState> keywordStates = new ConcurrentHashMap<>();

    StatefulSearcher(IndexReader reader, FacetsConfig config, Executor executor)
        throws IOException {
      super(reader, executor);
      this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
    }
  }

  private final Directory directory;
  private final SearcherManager manager;
  private final FacetsConfig facetsConfig;

  /**
   * Each facet value's documents as bits, per segment: kept across refreshes, for the segments that
   * remain.
   */
  private final FacetBitSets bitSets =
      new FacetBitSets(Runtime.getRuntime().maxMemory() / 8, MAX_VALUES_AS_BITS);

  /**
   * Threads that search a query's segment slices in parallel: a large query's latency shrinks with
   * the cores, while many concurrent queries simply share them.
   */
  private final ExecutorService segmentThreads;

  /**
   * Threads that count a query's facets segment by segment. A pool of their own: the counting
   * caller waits for them, and a caller that is itself a segment thread must not wait for its own
   * pool.
   */
  private final ExecutorService countThreads;

  /**
   * Virtual threads for a query's work that waits on other pools: its facet counting (see {@link
   * FutureFacets}) and its drill-sideways searches, run side by side.
   */
  private final ExecutorService backgroundThreads = Executors.newVirtualThreadPerTaskExecutor();

  private IndexSearchers(
      Directory directory,
      FacetsConfig facetsConfig,
      ExecutorService segmentThreads,
      ExecutorService countThreads)
      throws IOException {
    this.directory = directory;
    this.facetsConfig = facetsConfig;
    this.segmentThreads = segmentThreads;
    this.countThreads = countThreads;
    this.manager = new SearcherManager(directory, factory(facetsConfig, segmentThreads));
  }

  /** Searchers over the committed index in {@code path}. */
  public static IndexSearchers open(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IOException(
          "no index at " + path + ": run 'imr ingest ... --index " + path + "' first");
    }
    Directory directory = FSDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IOException(
            "no index at " + path + ": run 'imr ingest ... --index " + path + "' first");
      }
      IndexVersion.require(directory, path);
      ExecutorService threads = pool("search-segments");
      ExecutorService counters = pool("count-facets");
      try {
        return new IndexSearchers(directory, Schema.facetsConfig(), threads, counters);
      } catch (IOException | RuntimeException e) {
        threads.shutdownNow();
        counters.shutdownNow();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static ExecutorService pool(String name) {
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  private static SearcherFactory factory(FacetsConfig config, Executor executor) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
          throws IOException {
        return new StatefulSearcher(reader, config, executor);
      }
    };
  }

  /** Bytes the facet values' bit sets take now, over all open segments. */
  public long facetBitSetBytes() {
    return bitSets.bytes();
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** The current searcher; close the snapshot to release it. */
  public Snapshot acquire() throws IOException {
    return new Snapshot(manager.acquire());
  }

  /** Picks up new commits; cheap when nothing changed. */
  public void refresh() throws IOException {
    manager.maybeRefresh();
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      segmentThreads.shutdownNow();
      countThreads.shutdownNow();
      backgroundThreads.shutdownNow();
      directory.close();
    }
  }
}
