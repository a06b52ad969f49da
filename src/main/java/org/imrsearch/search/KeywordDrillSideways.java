package org.imrsearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.search.IndexSearcher;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;

/**
 * Drill sideways that counts each selected flat facet's sideways hits from that facet's own
 * keyword doc values, instead of counting every dimension of the shared facet field again for
 * each selection (Lucene's default): a search with two filters then costs one full facet count
 * plus two single-field counts, not three full counts.
 *
 * <p>The searches run side by side: the query with every selection, and for each selected facet
 * the query with the other selections. Each is a plain search that skips to the documents all
 * its clauses share, where Lucene's one-pass drill-sideways scorer visits every document of the
 * query that misses at most one selection (a filtered search at a million letters: 21 -> 13 ms).
 */
final class KeywordDrillSideways extends DrillSideways {
  private final IndexSearchers.Snapshot snapshot;

  KeywordDrillSideways(IndexSearcher searcher, IndexSearchers.Snapshot snapshot, IndexSearchers searchers) {
    super(searcher, searchers.facetsConfig(), null, snapshot.facetState(), snapshot.queryThreads());
    this.snapshot = snapshot;
  }

  /** Counts in the background: the caller reads its page of hits meanwhile (see {@link FutureFacets}). */
  @Override
  protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims) {
    return snapshot.inBackground(() -> count(drillDowns, drillSideways, drillSidewaysDims));
  }

  private Facets count(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims) throws IOException {
    Facets drillDownFacets = snapshot.countFacets(drillDowns);
    if (drillSideways == null || drillSideways.length == 0) {
      return drillDownFacets;
    }
    Map<String, Facets> sideways = new HashMap<>();
    for (int i = 0; i < drillSideways.length; i++) {
      String dim = drillSidewaysDims[i];
      sideways.put(dim, isFlat(dim)
          ? new StringValueFacetCounts(snapshot.keywordState(dim), drillSideways[i])
          : snapshot.countFacets(drillSideways[i]));
    }
    return new MultiFacets(sideways, drillDownFacets);
  }

  /** A facet whose values are also a keyword field of the same name, with its own doc values. */
  private static boolean isFlat(String dim) {
    for (IndexField f : Schema.FACETS) {
      if (f.fieldName().equals(dim)) {
        return !Schema.isHierarchical(f);
      }
    }
    return false;
  }
}
