/**
 * The seam between the web layer and a search engine: {@link org.imrsearch.engine.Engine}, which
 * the embedded Lucene index and a SolrCloud collection both implement with the same answers.
 */
package org.imrsearch.engine;
