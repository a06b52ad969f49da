package org.imrsearch.search;

import java.util.List;

/**
 * The values of one facet with their decision counts, as if this facet's own selection were off (so
 * picking a second value shows what it adds).
 *
 * @param name the filter parameter ("specialty")
 * @param label a human label ("Reviewer specialty")
 * @param path for a hierarchical facet, the level shown ("" for the top)
 */
public record FacetGroup(String name, String label, String path, List<Value> values) {

  public FacetGroup {
    values = List.copyOf(values);
  }

  /** A value, its count, and whether the request selected it. */
  public record Value(String value, long count, boolean selected) {}
}
