package org.imrsearch.search;

/** What /api/health reports about the index. */
public record IndexHealth(String status, long letters, long decisions, String lastCommit, String schemaVersion,
    ResultCache.Stats resultCache) {}
