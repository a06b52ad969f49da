/**
 * Overturn rates of the decisions a query selects, grouped one or two ways, with 95% Wilson score
 * intervals. Reads searchers and the result cache from {@code org.imrsearch.search} and counts
 * through {@code org.imrsearch.facets}.
 */
package org.imrsearch.rates;
