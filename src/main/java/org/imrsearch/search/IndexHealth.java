package org.imrsearch.search;

/**
 * What /api/health reports about the index; {@code facetBitSetBytes} is the memory the facet
 * values' bit sets take now (see {@code FacetBitSets}), which grows with the index; {@code engine}
 * says which engine answers ("embedded" or the Solr collection).
 */
public record IndexHealth(
    String status,
    long letters,
    long decisions,
    String lastCommit,
    String schemaVersion,
    ResultCache.Stats resultCache,
    long facetBitSetBytes,
    String engine) {}
