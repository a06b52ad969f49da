/**
 * The query language: what users type ({@link org.imrsearch.query.QuerySyntax}, with its limits),
 * the facet filters they select ({@link org.imrsearch.query.Filter}), and the error for a request
 * that cannot be answered as asked. Depends on the index schema only.
 */
package org.imrsearch.query;
