package org.imrsearch.saved;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imrsearch.engine.Engine;
import org.imrsearch.search.AddedDecision;
import org.imrsearch.search.NotFoundException;

/**
 * Saved searches for the web layer: the store's operations, a missing id as {@link
 * NotFoundException}, and each search's feed read from the engine. Who may write is the web layer's
 * decision, made before any of these is called. Thread-safe; the store is closed with it.
 */
public final class SavedSearches implements AutoCloseable {
  /**
   * The entries a feed carries: a reader polling daily sees every new decision of a busy search.
   */
  public static final int FEED_ENTRIES = 200;

  /** A time no letter was indexed at: asking for decisions since then only checks the query. */
  private static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

  private final SavedSearchStore store;
  private final Engine engine;

  public SavedSearches(SavedSearchStore store, Engine engine) {
    this.store = store;
    this.engine = engine;
  }

  public SavedSearch create(String name, String q, Map<String, List<String>> filters)
      throws IOException {
    SavedSearch checked = new SavedSearch(0, name, q, filters, Instant.EPOCH);
    // A query the search cannot run is refused now, not found out by the feed later.
    engine.addedSince(checked.q(), checked.selection(), NEVER, 1);
    return store.create(checked.name(), checked.q(), checked.filters());
  }

  public List<SavedSearch> list() throws IOException {
    return store.list();
  }

  public SavedSearch get(long id) throws IOException {
    return store.find(id).orElseThrow(() -> notFound(id));
  }

  public SavedSearch rename(long id, String name) throws IOException {
    return store.rename(id, name).orElseThrow(() -> notFound(id));
  }

  public void delete(long id) throws IOException {
    if (!store.delete(id)) {
      throw notFound(id);
    }
  }

  /** The Atom feed of search {@code id}: its decisions indexed since it was saved. */
  public String feed(long id, String siteUrl) throws IOException {
    SavedSearch search = get(id);
    List<AddedDecision> added =
        engine.addedSince(search.q(), search.selection(), search.savedAt(), FEED_ENTRIES);
    return SavedSearchFeed.write(search, added, siteUrl);
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("no saved search with id " + id);
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
