package org.imrsearch.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrsearch.facets.FacetStrategy.Method;
import org.imrsearch.query.Filter;
import org.junit.jupiter.api.Test;

/** Which counting each kind of request gets. */
class FacetStrategyTest {
  private static final List<String> SIDEBAR =
      List.of(Filter.SPECIALTY.dim(), Filter.CITATION.dim(), Filter.YEAR.dim());

  @Test
  void aBroadQueryIsCountedFromBitSetsWhateverItAsksFor() {
    int maxDoc = 32_000;
    assertEquals(Method.BIT_SETS, FacetStrategy.choose(1_000, maxDoc, SIDEBAR));
    assertEquals(Method.BIT_SETS, FacetStrategy.choose(maxDoc, maxDoc, List.of("year")));
  }

  @Test
  void aNarrowQueryAskingForOneFlatDimensionReadsThatDimensionsKeywordDocValues() {
    assertEquals(
        Method.KEYWORD_DOC_VALUES, FacetStrategy.choose(999, 32_000, List.of(Filter.YEAR.dim())));
  }

  @Test
  void aNarrowQueryAskingForSeveralOrAHierarchicalDimensionGetsLucenesCounts() {
    assertEquals(Method.SORTED_SET_DOC_VALUES, FacetStrategy.choose(999, 32_000, SIDEBAR));
    assertEquals(
        Method.SORTED_SET_DOC_VALUES,
        FacetStrategy.choose(0, 32_000, List.of(Filter.CITATION.dim())));
  }
}
