/**
 * Everything that reads the index for a request: searcher lifetimes and their threads ({@link
 * org.imrsearch.search.IndexSearchers}), search with paging and highlighting, letters, export,
 * health, the result cache, and the wiring of them all over one index ({@link
 * org.imrsearch.search.SearchServices}). Errors are this layer's own exception types; only the web
 * layer turns them into HTTP.
 */
package org.imrsearch.search;
