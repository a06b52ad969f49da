package org.imrsearch.saved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;

/**
 * A search kept under a name.
 *
 * @param id the store's id, never reused
 * @param name what its owner calls it (1 to {@link #MAX_NAME} characters)
 * @param q the query, in the search syntax ("" for all decisions)
 * @param filters selected values by filter parameter ({@code specialty}, {@code guideline}, ...),
 *     in the order search shows the filters; several values of one filter mean any of them
 * @param savedAt when it was saved: its feed lists the decisions indexed since
 */
public record SavedSearch(
    long id, String name, String q, Map<String, List<String>> filters, Instant savedAt) {
  public static final int MAX_NAME = 200;

  /** The search syntax's own limit is checked when the search runs; this bounds the store. */
  public static final int MAX_QUERY = 2000;

  public SavedSearch {
    name = checkedName(name);
    q = q == null ? "" : q.strip();
    if (q.length() > MAX_QUERY) {
      throw new BadRequestException("q is too long (at most " + MAX_QUERY + " characters)");
    }
    filters = canonical(filters == null ? Map.of() : filters);
  }

  /** {@code name} stripped; refused when blank or too long. */
  public static String checkedName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new BadRequestException("name is required: what to call this search");
    }
    if (n.length() > MAX_NAME) {
      throw new BadRequestException("name is too long (at most " + MAX_NAME + " characters)");
    }
    return n;
  }

  /** The filters as search takes them. */
  public Map<Filter, List<String>> selection() {
    Map<Filter, List<String>> selection = new LinkedHashMap<>();
    filters.forEach((param, values) -> selection.put(Filter.parse(param), values));
    return selection;
  }

  /**
   * Filters keyed by each filter's own parameter name, in {@link Filter} order, blank values and
   * empty filters dropped; an unknown filter is refused.
   */
  private static Map<String, List<String>> canonical(Map<String, List<String>> given) {
    Map<Filter, List<String>> byFilter = new LinkedHashMap<>();
    given.forEach(
        (param, values) -> {
          List<String> kept = new ArrayList<>();
          for (String v : values == null ? List.<String>of() : values) {
            if (v != null && !v.isBlank()) {
              kept.add(v.strip());
            }
          }
          if (!kept.isEmpty()) {
            byFilter.computeIfAbsent(Filter.parse(param), f -> new ArrayList<>()).addAll(kept);
          }
        });
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    for (Filter f : Filter.values()) {
      if (byFilter.containsKey(f)) {
        ordered.put(f.param(), List.copyOf(byFilter.get(f)));
      }
    }
    return Collections.unmodifiableMap(ordered);
  }
}
