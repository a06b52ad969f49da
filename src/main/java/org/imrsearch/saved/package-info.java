/**
 * Saved searches: a search (query and filters) kept under a name in an embedded SQLite database
 * beside the index ({@link org.imrsearch.saved.SavedSearchStore}), and each one's Atom feed of the
 * decisions indexed since it was saved ({@link org.imrsearch.saved.SavedSearchFeed}). {@link
 * org.imrsearch.saved.SavedSearches} composes the two for the web layer, which decides who may
 * write.
 */
package org.imrsearch.saved;
