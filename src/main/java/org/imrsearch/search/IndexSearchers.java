package org.imrsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.facets.FacetCounting;
import org.imrsearch.index.IndexVersion;
import org.imrsearch.index.Schema;
import org.imrsearch.query.Filter;
import org.imrsearch.query.FilterValues;

/**
 * Point-in-time searchers over one index, refreshed as new commits appear. Each searcher comes with
 * the facet state of its reader ({@link FacetCounting.ReaderFacets}), built once per refresh rather
 * than once per query. A searcher can be pinned ({@link Snapshot#pin}) so that later pages of a
 * result are searched on the same point in time ({@link #acquire(long)}) until it is pruned ({@link
 * #prune}). Thread-safe; closing it closes the index and its threads.
 */
public final class IndexSearchers implements AutoCloseable {
  /** A searcher and its facet state; release it (try-with-resources) when done. */
  public final class Snapshot implements AutoCloseable {
    private final StatefulSearcher searcher;
    private final boolean pinned;

    private Snapshot(StatefulSearcher searcher, boolean pinned) {
      this.searcher = searcher;
      this.pinned = pinned;
    }

    public IndexSearcher searcher() {
      return searcher;
    }

    /**
     * A searcher of the same point in time that gives up after {@code timeout}: each request gets
     * its own, since the limit is a property of the searcher.
     */
    public IndexSearcher searcher(Duration timeout) {
      IndexSearcher limited = new IndexSearcher(searcher.getIndexReader(), threads.segments());
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

    /**
     * {@code filters} with each value as this point in time's index spells it (users' values are
     * matched with case ignored, as in the query syntax).
     */
    public Map<Filter, List<String>> asIndexed(Map<Filter, List<String>> filters)
        throws IOException {
      return FilterValues.asIndexed(searcher.facets.state(), filters);
    }

    /** Facet counting over this point in time. */
    public FacetCounting.ReaderFacets facets() {
      return searcher.facets;
    }

    /**
     * Keeps this point in time for later pages ({@link IndexSearchers#acquire(long)}) until it has
     * been replaced for longer than {@link IndexSearchers#prune}'s age; returns its token.
     */
    public long pin() throws IOException {
      return lifetimes.record(searcher);
    }

    public Map<String, String> commitData() throws IOException {
      IndexReader reader = searcher.getIndexReader();
      return reader instanceof DirectoryReader dr ? dr.getIndexCommit().getUserData() : Map.of();
    }

    @Override
    public void close() {
      try {
        if (pinned) {
          lifetimes.release(searcher);
        } else {
          manager.release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class StatefulSearcher extends IndexSearcher {
    final FacetCounting.ReaderFacets facets;

    StatefulSearcher(IndexReader reader, FacetCounting counting, Executor executor)
        throws IOException {
      super(reader, executor);
      this.facets = counting.forReader(reader);
    }
  }

  private final Directory directory;
  private final SearcherManager manager;
  private final SearcherLifetimeManager lifetimes = new SearcherLifetimeManager();
  private final FacetsConfig facetsConfig;
  private final FacetCounting facetCounting;

  /** The threads of every search over this index; see {@link SearchThreads} for the rule. */
  private final SearchThreads threads;

  private final TwoHalves twoHalves;

  private IndexSearchers(Directory directory, FacetsConfig facetsConfig, SearchThreads threads)
      throws IOException {
    this.directory = directory;
    this.facetsConfig = facetsConfig;
    this.threads = threads;
    this.twoHalves = new TwoHalves(threads.waiting(), threads::segmentsIdle);
    this.facetCounting =
        new FacetCounting(
            facetsConfig,
            threads.segments(),
            threads.waiting(),
            Runtime.getRuntime().maxMemory() / 8);
    this.manager = new SearcherManager(directory, factory(facetCounting, threads.segments()));
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
      SearchThreads threads = new SearchThreads();
      try {
        return new IndexSearchers(directory, Schema.facetsConfig(), threads);
      } catch (IOException | RuntimeException e) {
        threads.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static SearcherFactory factory(FacetCounting counting, Executor executor) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
          throws IOException {
        return new StatefulSearcher(reader, counting, executor);
      }
    };
  }

  /** Bytes the facet values' bit sets take now, over all open segments. */
  public long facetBitSetBytes() {
    return facetCounting.bitSetBytes();
  }

  /** A request's own reading in two halves side by side (see {@link TwoHalves}). */
  public TwoHalves twoHalves() {
    return twoHalves;
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** The current searcher; close the snapshot to release it. */
  public Snapshot acquire() throws IOException {
    return new Snapshot((StatefulSearcher) manager.acquire(), false);
  }

  /**
   * The point in time {@code token} ({@link Snapshot#pin}) names; close the snapshot to release it.
   *
   * @throws ExpiredCursorException if it was pruned, or never pinned
   */
  public Snapshot acquire(long token) {
    IndexSearcher searcher = lifetimes.acquire(token);
    if (searcher == null) {
      throw new ExpiredCursorException();
    }
    return new Snapshot((StatefulSearcher) searcher, true);
  }

  /**
   * Lets go of pinned points in time that were replaced by a newer one more than {@code age} ago.
   */
  public void prune(Duration age) throws IOException {
    lifetimes.prune(new SearcherLifetimeManager.PruneByAge(age.toMillis() / 1000.0));
  }

  /** Picks up new commits; cheap when nothing changed. */
  public void refresh() throws IOException {
    manager.maybeRefresh();
  }

  @Override
  public void close() throws IOException {
    try (directory;
        SearchThreads t = threads;
        SearcherManager m = manager;
        SearcherLifetimeManager l = lifetimes) {
      // closed in reverse order: pinned searchers, current searchers, threads, the directory
    }
  }
}
