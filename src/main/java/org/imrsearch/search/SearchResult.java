package org.imrsearch.search;

import java.util.List;

/**
 * A page of matching decisions, with the facets of the whole match.
 *
 * @param total matching decisions (exact)
 * @param next a cursor for the page after this one ({@code after=}), null on the last page; the
 *     next page comes from the same point in time of the index, as long as it is kept (see {@link
 *     SearchServices#CURSOR_LIFETIME})
 * @param took milliseconds spent in the service
 * @param cached whether the result came from the cache of recent results (same request, same index
 *     version)
 * @param help what to try instead, when nothing matches; null otherwise
 */
public record SearchResult(
    String query,
    long total,
    int page,
    int size,
    String sort,
    List<Hit> hits,
    List<FacetGroup> facets,
    String next,
    long took,
    boolean cached,
    NoHitsHelp help) {

  public SearchResult {
    hits = List.copyOf(hits);
    facets = List.copyOf(facets);
  }

  /** This result as served again from the cache, {@code took} being the time to find it. */
  SearchResult fromCache(long tookMillis) {
    return new SearchResult(
        query, total, page, size, sort, hits, facets, next, tookMillis, true, help);
  }
}
