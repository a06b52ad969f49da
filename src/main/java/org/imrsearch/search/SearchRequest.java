package org.imrsearch.search;

import java.util.List;
import java.util.Map;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;

/**
 * What a user asks for: a query in the search syntax, filters (several values of one filter mean
 * any of them), sort, and a page.
 *
 * @param query the query text; blank means all decisions
 * @param filters selected values per filter
 * @param sort relevance or date (newest first)
 * @param page 1-based page number
 * @param size hits per page
 * @param after a cursor from a previous result's {@code next}, for paging past the offset limit
 *     (search-after); null for the first page
 */
public record SearchRequest(
    String query, Map<Filter, List<String>> filters, Sort sort, int page, int size, String after) {
  public static final int MAX_SIZE = 100;

  /** Deep pages cost the whole prefix: past this, use export or narrow the query. */
  public static final int MAX_OFFSET = 10_000;

  public enum Sort {
    RELEVANCE,
    DATE
  }

  public SearchRequest {
    query = query == null ? "" : query.strip();
    filters = Map.copyOf(filters);
    sort = sort == null ? Sort.RELEVANCE : sort;
    if (page < 1) {
      throw new BadRequestException("page must be 1 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
    if (after != null && after.isBlank()) {
      after = null;
    }
    if (after != null && page != 1) {
      throw new BadRequestException("give either page or after, not both");
    }
    if ((long) (page - 1) * size >= MAX_OFFSET) {
      throw new BadRequestException(
          "page "
              + page
              + " is too deep (offset limit "
              + MAX_OFFSET
              + "): narrow the query or use /api/export");
    }
  }

  /** This request with {@code filters} instead of its own. */
  public SearchRequest withFilters(Map<Filter, List<String>> filters) {
    return new SearchRequest(query, filters, sort, page, size, after);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), Sort.RELEVANCE, 1, 20, null);
  }
}
