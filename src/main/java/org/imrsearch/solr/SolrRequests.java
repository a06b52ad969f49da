package org.imrsearch.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.lucene.index.MultiReader;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.search.TimeLimitException;

/**
 * What every read of a Solr collection shares: the user's query parsed by the product's own parser
 * and written for Solr, filters as tagged filter queries (so a facet can be counted as if its own
 * selection were off), the query time limit, errors in the search layer's terms, and the JSON Facet
 * API's answers read back.
 */
final class SolrRequests {
  /** How long the collection's values are trusted before they are read again. */
  private static final long VALUES_TTL_NANOS = Duration.ofSeconds(5).toNanos();

  /** More values than any facet has; a facet is counted whole, as the embedded engine does. */
  static final int ALL_VALUES = -1;

  private final SolrCollection collection;
  private final QuerySyntax syntax;
  private final ObjectMapper mapper;
  private final Duration timeout;

  /**
   * Keyword values are spelled by {@link #spelling}, not by a local index: the parser gets none.
   */
  private final MultiReader noIndex;

  private final SolrQueryWriter writer = new SolrQueryWriter(this::spelling);
  private final AtomicReference<Values> values = new AtomicReference<>();

  SolrRequests(
      SolrCollection collection, QuerySyntax syntax, ObjectMapper mapper, Duration timeout) {
    this.collection = collection;
    this.syntax = syntax;
    this.mapper = mapper;
    this.timeout = timeout;
    try {
      this.noIndex = new MultiReader();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an empty reader reads nothing
    }
  }

  SolrCollection collection() {
    return collection;
  }

  Duration timeout() {
    return timeout;
  }

  /** The user's query in Solr's syntax; the same {@link BadRequestException}s as the embedded. */
  String q(String queryText) {
    return writer.write(syntax.parse(queryText == null ? "" : queryText, noIndex));
  }

  /**
   * A query for the decisions of {@code queryText} and {@code filters}: the filters tagged by their
   * name so that a facet can exclude its own.
   */
  SolrQuery base(String queryText, Map<Filter, List<String>> filters) {
    SolrQuery query = new SolrQuery(q(queryText));
    query.set("q.op", "OR");
    query.set("df", IndexField.RATIONALE.fieldName());
    query.set("timeAllowed", Long.toString(timeout.toMillis()));
    query.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_DECISION));
    for (Map.Entry<Filter, List<String>> f : asIndexed(filters).entrySet()) {
      query.addFilterQuery("{!tag=" + f.getKey().param() + "}" + clause(f.getKey(), f.getValue()));
    }
    return query;
  }

  /** "Any of these values of this filter", in Solr's syntax. */
  static String clause(Filter filter, List<String> values) {
    return filter.dim()
        + ":("
        + values.stream()
            .map(
                v ->
                    SolrQueryWriter.quoted(
                        SolrFields.hierarchical(filter.field()) ? SolrFields.levelTerm(v) : v))
            .collect(Collectors.joining(" OR "))
        + ")";
  }

  /** Every filter's clause, all required ("" for none). */
  static String all(Map<Filter, List<String>> filters) {
    return filters.entrySet().stream()
        .map(e -> "+" + clause(e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** Sends {@code query} with {@code facets} (the JSON Facet API; may be empty). */
  QueryResponse send(SolrQuery query, Map<String, Object> facets, String what) {
    if (!facets.isEmpty()) {
      query.set("json.facet", json(facets));
    }
    QueryResponse response;
    try {
      response = new QueryRequest(query).process(collection.client(), collection.name());
    } catch (SolrException e) {
      if (e.code() == 400) {
        throw new BadRequestException(e.getMessage());
      }
      throw collection.unavailable(e);
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw collection.unavailable(e);
    }
    Object partial = response.getResponseHeader().get("partialResults");
    if (Boolean.TRUE.equals(partial)) {
      throw new TimeLimitException(what, timeout, "narrow it");
    }
    return response;
  }

  /** The "facets" section of a response. */
  static NamedList<?> facets(QueryResponse response) {
    Object f = response.getResponse().get("facets");
    return f instanceof NamedList<?> nl ? nl : new NamedList<>();
  }

  static long count(NamedList<?> facet) {
    if (facet == null) {
      return 0;
    }
    Object c = facet.get("count");
    return c instanceof Number n ? n.longValue() : 0;
  }

  /** The buckets of the terms facet {@code name} in {@code parent}, value -> bucket. */
  static Map<String, NamedList<?>> buckets(NamedList<?> parent, String name) {
    Map<String, NamedList<?>> out = new LinkedHashMap<>();
    Object facet = parent == null ? null : parent.get(name);
    if (facet instanceof NamedList<?> f && f.get("buckets") instanceof List<?> list) {
      for (Object b : list) {
        NamedList<?> bucket = (NamedList<?>) b;
        out.put(String.valueOf(bucket.get("val")), bucket);
      }
    }
    return out;
  }

  static NamedList<?> sub(NamedList<?> parent, String name) {
    Object f = parent == null ? null : parent.get(name);
    return f instanceof NamedList<?> nl ? nl : null;
  }

  /** A terms facet over every value of {@code filter} at the level below {@code path}. */
  static Map<String, Object> terms(Filter filter, String path, int limit) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("type", "terms");
    facet.put("field", filter.dim());
    facet.put("limit", limit);
    // Across shards, top values are exact only when refined (each shard asked for the values
    // it did not return at first).
    facet.put("refine", true);
    if (SolrFields.hierarchical(filter.field())) {
      facet.put("prefix", SolrFields.childPrefix(path));
    }
    return facet;
  }

  /** A terms facet over every value of a plain field. */
  static Map<String, Object> termsOf(String field) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("type", "terms");
    facet.put("field", field);
    facet.put("limit", ALL_VALUES);
    facet.put("refine", true);
    return facet;
  }

  /** A query facet counting the decisions of {@code q}. */
  static Map<String, Object> queryFacet(String q) {
    Map<String, Object> facet = new LinkedHashMap<>();
    facet.put("type", "query");
    facet.put("q", q);
    return facet;
  }

  /** Filter values as the collection spells them ("family practice" -> "Family Practice"). */
  Map<Filter, List<String>> asIndexed(Map<Filter, List<String>> filters) {
    Map<Filter, List<String>> out = new LinkedHashMap<>();
    filters.forEach(
        (f, vs) -> {
          List<String> spelled = new ArrayList<>();
          for (String v : vs) {
            spelled.add(spellingOfPath(f.field(), v));
          }
          if (!spelled.isEmpty()) {
            out.put(f, spelled);
          }
        });
    return out;
  }

  private String spellingOfPath(IndexField field, String value) {
    if (!SolrFields.hierarchical(field)) {
      return spelling(field, value);
    }
    String found =
        values()
            .spelling
            .getOrDefault(field, Map.of())
            .get(SolrFields.levelTerm(value).toLowerCase(Locale.ROOT));
    return found == null ? value : SolrFields.path(found);
  }

  /** A keyword value as the collection spells it, or as given when it has no such value. */
  String spelling(IndexField field, String value) {
    if (field == IndexField.CASE_NUMBER) {
      return value.strip().toUpperCase(Locale.ROOT);
    }
    if (field == IndexField.LETTER_ID || !Schema.FACETS.contains(field)) {
      return value.strip();
    }
    String found =
        values().spelling.getOrDefault(field, Map.of()).get(value.strip().toLowerCase(Locale.ROOT));
    return found == null ? value.strip() : found;
  }

  /** Every facet value of the collection, read at most every few seconds. */
  private Values values() {
    Values v = values.get();
    if (v != null && System.nanoTime() - v.read < VALUES_TTL_NANOS) {
      return v;
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    for (IndexField f : Schema.FACETS) {
      Map<String, Object> terms = new LinkedHashMap<>();
      terms.put("type", "terms");
      terms.put("field", f.fieldName());
      terms.put("limit", ALL_VALUES);
      facets.put(f.fieldName(), terms);
    }
    SolrQuery all = new SolrQuery("*:*");
    all.setRows(0);
    NamedList<?> counted = facets(send(all, facets, "reading the facet values"));
    Map<IndexField, Map<String, String>> spelling = new HashMap<>();
    for (IndexField f : Schema.FACETS) {
      Map<String, String> byLower = new HashMap<>();
      for (String value : buckets(counted, f.fieldName()).keySet()) {
        byLower.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
      }
      spelling.put(f, byLower);
    }
    Values fresh = new Values(System.nanoTime(), spelling);
    values.set(fresh);
    return fresh;
  }

  private record Values(long read, Map<IndexField, Map<String, String>> spelling) {}

  String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
