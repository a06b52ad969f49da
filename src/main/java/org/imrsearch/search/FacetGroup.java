package org.imrsearch.search;

import java.util.List;

/**
 * The values of one facet with their decision counts, as if this facet's own selection were off (so
 * picking a second value shows what it adds).
 *
 * @param name the filter parameter ("specialty")
 * @param label a human label ("Reviewer specialty")
 * @param path for a hierarchical facet, the level shown ("" for the top)
 * @param distinct how many values the facet has at this level among the matches; more than {@code
 *     values} when only the largest are listed ({@code /api/facets/{name}} gives the rest)
 */
public record FacetGroup(String name, String label, String path, List<Value> values, int distinct) {

  public FacetGroup {
    values = List.copyOf(values);
  }

  /** A value, its count, and whether the request selected it. */
  public record Value(String value, long count, boolean selected) {}
}
