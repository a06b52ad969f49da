package org.imrsearch.facets;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.search.IndexSearcher;

/**
 * Drill sideways that counts each selected facet's sideways hits for that facet alone, the way
 * {@link FacetStrategy} chooses (bit sets when the hits are many, the facet's keyword doc values
 * when a flat facet's hits are few), instead of counting every dimension of the shared facet field
 * again for each selection (Lucene's default). A citation selected in a narrow search is still
 * counted with every dimension.
 *
 * <p>The searches run side by side on the waiting threads: the query with every selection, and for
 * each selected facet the query with the other selections. Each is a plain search that skips to the
 * documents all its clauses share, where Lucene's one-pass drill-sideways scorer visits every
 * document of the query that misses at most one selection.
 */
final class KeywordDrillSideways extends DrillSideways {
  private final FacetCounting.ReaderFacets facets;
  private final List<String> dims;

  /** Counts {@code dims} for the hits of every selection (other dimensions when asked for). */
  KeywordDrillSideways(
      IndexSearcher searcher,
      FacetsConfig config,
      FacetCounting.ReaderFacets facets,
      List<String> dims,
      ExecutorService waitingWork) {
    super(searcher, config, null, facets.state(), waitingWork);
    this.facets = facets;
    this.dims = List.copyOf(dims);
  }

  /**
   * Counts in the background: the caller reads its page of hits meanwhile (see {@link
   * FutureFacets}).
   */
  @Override
  protected Facets buildFacetsResult(
      FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims) {
    return facets.inBackground(() -> count(drillDowns, drillSideways, drillSidewaysDims));
  }

  private Facets count(
      FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
      throws IOException {
    Facets drillDownFacets = facets.count(drillDowns, dims);
    if (drillSideways == null || drillSideways.length == 0) {
      return drillDownFacets;
    }
    Map<String, Facets> sideways = new HashMap<>();
    for (int i = 0; i < drillSideways.length; i++) {
      sideways.put(
          drillSidewaysDims[i], facets.count(drillSideways[i], List.of(drillSidewaysDims[i])));
    }
    return new MultiFacets(sideways, drillDownFacets);
  }
}
