package org.imrsearch.facets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;

/**
 * Facets being counted on another thread: a search hands them back at once and reads and highlights
 * its page of hits while the counting runs, and the first question asked of them waits for the
 * counts.
 */
final class FutureFacets extends Facets {
  interface Counting {
    Facets count() throws IOException;
  }

  private final CompletableFuture<Facets> counts;

  private FutureFacets(CompletableFuture<Facets> counts) {
    this.counts = counts;
  }

  /**
   * Starts {@code counting} on {@code executor}, whose threads may block (they wait for segment
   * tasks).
   */
  static FutureFacets start(Counting counting, Executor executor) {
    return new FutureFacets(
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return counting.count();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            executor));
  }

  /** Waits until {@code facets}, if they are being counted, are done, whatever the outcome. */
  static void awaitQuietly(Facets facets) {
    if (facets instanceof FutureFacets pending) {
      pending.counts.handle((counted, failure) -> null).join();
    }
  }

  private Facets counted() throws IOException {
    try {
      return counts.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    return counted().getAllChildren(dim, path);
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    return counted().getTopChildren(topN, dim, path);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    return counted().getSpecificValue(dim, path);
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    return counted().getAllDims(topN);
  }

  @Override
  public List<FacetResult> getTopDims(int topNDims, int topNChildren) throws IOException {
    return counted().getTopDims(topNDims, topNChildren);
  }
}
