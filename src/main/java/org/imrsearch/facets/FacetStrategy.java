package org.imrsearch.facets;

import java.util.List;
import org.imrsearch.index.Schema;

/**
 * Decides how one set of hits has its facets counted; the only place that does.
 *
 * <ul>
 *   <li>{@link Method#BIT_SETS}: a broad query (at least one hit in {@value #BROAD} documents) is
 *       counted value by value against bit sets of each facet value ({@link BitSetFacetCounts}).
 *       The cost grows with the index and the number of values, not with the hits, so past this
 *       share of the index it beats reading every hit's ordinals.
 *   <li>{@link Method#KEYWORD_DOC_VALUES}: a narrower query asking for one flat dimension (a
 *       drill-sideways count of one selected facet, a rates grouping) reads that dimension's own
 *       keyword doc values, not the ordinals of every dimension in the shared facet field.
 *   <li>{@link Method#SORTED_SET_DOC_VALUES}: anything else is Lucene's concurrent counts of every
 *       dimension of the facet field, segments side by side.
 * </ul>
 */
final class FacetStrategy {
  /** Hits in at least one document in this many make a query broad. */
  static final int BROAD = 32;

  /**
   * The most values of one facet level kept as bit sets: the sidebar's largest level (reviewer
   * specialty) has a few dozen; a level with hundreds (the sections under one guideline, in a large
   * corpus) costs more memory as bits than it saves time, and is counted from doc values instead.
   */
  static final int MAX_VALUES_AS_BITS = 128;

  /** The ways to count. */
  enum Method {
    BIT_SETS,
    KEYWORD_DOC_VALUES,
    SORTED_SET_DOC_VALUES
  }

  private FacetStrategy() {}

  /**
   * How to count {@code hits} hits in an index of {@code maxDoc} documents, asked for {@code dims}.
   */
  static Method choose(long hits, int maxDoc, List<String> dims) {
    if (hits * BROAD >= maxDoc) {
      return Method.BIT_SETS;
    }
    if (dims.size() == 1 && !Schema.isHierarchical(dims.get(0))) {
      return Method.KEYWORD_DOC_VALUES;
    }
    return Method.SORTED_SET_DOC_VALUES;
  }
}
