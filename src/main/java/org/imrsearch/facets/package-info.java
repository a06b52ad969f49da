/**
 * Facet counting. Callers use {@link org.imrsearch.facets.FacetCounting} only; {@code
 * FacetStrategy} is the one place that decides how a set of hits is counted (bit sets, a flat
 * dimension's keyword doc values, or Lucene's concurrent counts). Knows nothing of requests or
 * pages.
 */
package org.imrsearch.facets;
