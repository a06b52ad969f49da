package org.imrsearch.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.search.SearchRequest;

/** Reads the query parameters every API endpoint shares, with a clear message for each bad one. */
final class RequestParams {
  private RequestParams() {}

  static String query(Context ctx) {
    return text(ctx, "q");
  }

  /**
   * A selection written as repeated {@code name=filter:value} parameters ({@code
   * a=guideline:MTUS&a=year:2016}): values of one filter OR'ed, filters AND'ed.
   */
  static Map<Filter, List<String>> selection(Context ctx, String name) {
    Map<Filter, List<String>> selection = new LinkedHashMap<>();
    for (String item : ctx.queryParams(name)) {
      int colon = item.indexOf(':');
      if (colon <= 0 || colon == item.length() - 1) {
        throw new BadRequestException(
            name + " takes filter:value (e.g. " + name + "=guideline:MTUS), not '" + item + "'");
      }
      selection
          .computeIfAbsent(Filter.parse(item.substring(0, colon).strip()), f -> new ArrayList<>())
          .add(item.substring(colon + 1).strip());
    }
    return selection;
  }

  /** A text parameter, "" when absent. */
  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v;
  }

  /** Filter values: {@code specialty=A&specialty=B}; blank values are ignored. */
  static Map<Filter, List<String>> filters(Context ctx) {
    Map<Filter, List<String>> filters = new LinkedHashMap<>();
    for (Filter f : Filter.values()) {
      List<String> values = new ArrayList<>();
      for (String v : ctx.queryParams(f.param())) {
        if (!v.isBlank()) {
          values.add(v.strip());
        }
      }
      if (!values.isEmpty()) {
        filters.put(f, List.copyOf(values));
      }
    }
    return filters;
  }

  static SearchRequest search(Context ctx) {
    return new SearchRequest(
        query(ctx),
        filters(ctx),
        sort(ctx.queryParam("sort")),
        integer(ctx, "page", 1),
        integer(ctx, "size", 20),
        ctx.queryParam("after"));
  }

  static List<Filter> groupings(Context ctx) {
    String by = ctx.queryParam("by");
    if (by == null || by.isBlank()) {
      throw new BadRequestException(
          "by is required, e.g. by=guideline (or by=guideline,year for a two-way table)");
    }
    List<Filter> out = new ArrayList<>();
    for (String part : by.split(",")) {
      out.add(Filter.parse(part.strip()));
    }
    return out;
  }

  static long longValue(Context ctx, String name, long fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number, not '" + v + "'");
    }
  }

  static int integer(Context ctx, String name, int fallback) {
    long value = longValue(ctx, name, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new BadRequestException(name + " is out of range: " + value);
    }
    return (int) value;
  }

  private static SearchRequest.Sort sort(String value) {
    if (value == null || value.isBlank()) {
      return SearchRequest.Sort.RELEVANCE;
    }
    try {
      return SearchRequest.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("sort must be relevance or date, not '" + value + "'");
    }
  }

  static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type, E fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          name
              + " must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", not '"
              + v
              + "'");
    }
  }
}
