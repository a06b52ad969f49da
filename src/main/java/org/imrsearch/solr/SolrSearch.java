package org.imrsearch.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.index.IndexField;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.search.AddedDecision;
import org.imrsearch.search.AddedSinceService;
import org.imrsearch.search.FacetGroup;
import org.imrsearch.search.Hit;
import org.imrsearch.search.NoHitsHelp;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchResult;
import org.imrsearch.search.SearchService;

/**
 * Search on a Solr collection: a page of decisions with their facets (every value of each counted,
 * as if its own selection were off, through tagged filters), highlights and a cursor; one facet's
 * values; the no-hit help; the decisions a saved search's feed lists. The answers are the embedded
 * engine's ({@link org.imrsearch.search.SearchService}), value for value.
 */
final class SolrSearch {
  /** Facet values as the embedded engine lists them: largest first, then by label. */
  /** Facet values as the embedded engine lists them: largest first, then by label. */
  private static final Comparator<FacetGroup.Value> LARGEST_FIRST =
      Comparator.comparingLong(FacetGroup.Value::count)
          .reversed()
          .thenComparing(v -> v.value().substring(v.value().lastIndexOf('/') + 1));

  private final SolrRequests requests;
  private final SolrHits hits;

  SolrSearch(SolrRequests requests, SolrHits hits) {
    this.requests = requests;
    this.hits = hits;
  }

  SearchResult search(SearchRequest asked) throws IOException {
    long start = System.nanoTime();
    Map<Filter, List<String>> filters = requests.asIndexed(asked.filters());
    SolrQuery query = requests.base(asked.query(), filters);
    boolean byDate = asked.sort() == SearchRequest.Sort.DATE;
    query.set("fl", String.join(",", SolrHits.SHOWN) + "," + SolrFields.ID + ",score");
    query.set(
        "sort",
        (byDate ? IndexField.DECISION_DATE.fieldName() + " desc" : "score desc")
            + ","
            + SolrFields.ID
            + " asc");
    query.setRows(asked.size());
    if (asked.after() != null) {
      query.set("cursorMark", asked.after());
    } else if (asked.page() == 1) {
      query.set("cursorMark", "*");
    } else {
      query.setStart((asked.page() - 1) * asked.size());
    }
    SolrHits.highlight(query);
    Map<String, Object> facets = new LinkedHashMap<>();
    for (Filter f : SearchService.SIDEBAR) {
      List<String> selected = filters.getOrDefault(f, List.of());
      String level =
          SolrFields.hierarchical(f.field()) && selected.size() == 1 ? selected.get(0) : "";
      // Every value, the largest kept here: a top-N across shards can miss a value split between
      // them, and the facets of this product have tens of values, not millions.
      Map<String, Object> terms = SolrRequests.terms(f, level, SolrRequests.ALL_VALUES);
      terms.put("domain", Map.of("excludeTags", f.param()));
      facets.put(f.param(), terms);
      for (int i = 0; i < selected.size(); i++) {
        Map<String, Object> one =
            SolrRequests.queryFacet(SolrRequests.clause(f, List.of(selected.get(i))));
        one.put("domain", Map.of("excludeTags", f.param()));
        facets.put(f.param() + "__" + i, one);
      }
    }
    QueryResponse response;
    try {
      response = requests.send(query, facets, "the query");
    } catch (BadRequestException e) {
      if (asked.after() != null && e.getMessage().contains("cursorMark")) {
        throw new BadRequestException(
            "after is not a cursor of this sort order: use the 'next' value of the previous page");
      }
      throw e;
    }
    SolrDocumentList docs = response.getResults();
    List<Hit> page = new ArrayList<>();
    for (SolrDocument d : docs) {
      page.add(hits.hit(d, response));
    }
    long total = docs.getNumFound();
    NamedList<?> counted = SolrRequests.facets(response);
    List<FacetGroup> groups = new ArrayList<>();
    for (Filter f : SearchService.SIDEBAR) {
      groups.add(group(counted, f, filters.getOrDefault(f, List.of())));
    }
    long seen =
        (asked.after() == null ? (long) (asked.page() - 1) * asked.size() : 0) + page.size();
    String next = null;
    if (page.size() == asked.size() && (asked.after() != null || seen < total)) {
      next =
          response.getNextCursorMark() != null
              ? response.getNextCursorMark()
              : SolrCursors.after(docs.get(docs.size() - 1), byDate);
    }
    NoHitsHelp help =
        total == 0 && (!filters.isEmpty() || !asked.query().isBlank())
            ? help(asked.query(), filters)
            : null;
    return new SearchResult(
        asked.query(),
        total,
        asked.page(),
        asked.size(),
        asked.sort().name().toLowerCase(Locale.ROOT),
        page,
        groups,
        next,
        (System.nanoTime() - start) / 1_000_000,
        false,
        help);
  }

  /** One sidebar facet from the counts, as {@link SearchService} builds it. */
  private static FacetGroup group(NamedList<?> counted, Filter f, List<String> selected) {
    boolean hierarchical = SolrFields.hierarchical(f.field());
    String level = hierarchical && selected.size() == 1 ? selected.get(0) : "";
    Map<String, NamedList<?>> buckets = SolrRequests.buckets(counted, f.param());
    List<FacetGroup.Value> values =
        new ArrayList<>(
            buckets.entrySet().stream()
                .map(
                    b ->
                        new FacetGroup.Value(
                            hierarchical ? SolrFields.path(b.getKey()) : b.getKey(),
                            SolrRequests.count(b.getValue()),
                            false))
                .sorted(LARGEST_FIRST)
                .limit(SearchService.FACET_VALUES)
                .map(v -> new FacetGroup.Value(v.value(), v.count(), selected.contains(v.value())))
                .toList());
    for (int i = 0; i < selected.size(); i++) {
      String s = selected.get(i);
      if (values.stream().noneMatch(v -> v.value().equals(s))) {
        long count = SolrRequests.count(SolrRequests.sub(counted, f.param() + "__" + i));
        values.add(new FacetGroup.Value(s, count, true));
      }
    }
    // As the embedded engine counts: a level of a hierarchy without hits has no values, even
    // when one is selected.
    int distinct = hierarchical && buckets.isEmpty() ? 0 : Math.max(buckets.size(), values.size());
    return new FacetGroup(f.param(), f.label(), level, values, distinct);
  }

  private NoHitsHelp help(String queryText, Map<Filter, List<String>> filters) {
    List<NoHitsHelp.Loosened> loosened = new ArrayList<>();
    for (Map.Entry<Filter, List<String>> filter : NoHitsHelp.inFilterOrder(filters)) {
      for (String value : filter.getValue()) {
        Map<Filter, List<String>> without = NoHitsHelp.without(filters, filter.getKey(), value);
        SolrQuery count = requests.base(queryText, without);
        count.setRows(0);
        long total = requests.send(count, Map.of(), "the help").getResults().getNumFound();
        loosened.add(new NoHitsHelp.Loosened(filter.getKey().param(), value, total));
      }
    }
    return new NoHitsHelp(loosened, corrected(queryText));
  }

  /**
   * The query with its unknown words replaced by the closest words of the rationales, as the
   * embedded engine corrects them (Solr's DirectSolrSpellChecker, the same settings); null when
   * nothing is corrected.
   */
  private String corrected(String queryText) {
    List<String> words = NoHitsHelp.words(queryText);
    if (words.isEmpty()) {
      return null;
    }
    SolrQuery spell = new SolrQuery("*:*");
    spell.setRows(0);
    spell.set("spellcheck", true);
    spell.set("spellcheck.q", String.join(" ", words));
    spell.set("spellcheck.count", 1);
    SpellCheckResponse response =
        requests.send(spell, Map.of(), "the spelling help").getSpellCheckResponse();
    Map<String, String> fixes = new HashMap<>();
    if (response != null) {
      for (SpellCheckResponse.Suggestion s : response.getSuggestions()) {
        if (!s.getAlternatives().isEmpty()) {
          fixes.put(s.getToken(), s.getAlternatives().get(0));
        }
      }
    }
    return NoHitsHelp.corrected(queryText, fixes);
  }

  FacetGroup facetValues(
      SearchRequest request, Filter facet, String path, String contains, int limit)
      throws IOException {
    if (limit < 1 || limit > SearchService.MAX_FACET_VALUES) {
      throw new BadRequestException(
          "limit must be between 1 and " + SearchService.MAX_FACET_VALUES + ", was " + limit);
    }
    Map<Filter, List<String>> filters = requests.asIndexed(request.filters());
    SolrQuery query = requests.base(request.query(), filters);
    query.setRows(0);
    Map<String, Object> terms = SolrRequests.terms(facet, path, SolrRequests.ALL_VALUES);
    terms.put("domain", Map.of("excludeTags", facet.param()));
    NamedList<?> counted =
        SolrRequests.facets(requests.send(query, Map.of(facet.param(), terms), "the facet values"));
    String needle = contains.strip().toLowerCase(Locale.ROOT);
    List<String> selected = filters.getOrDefault(facet, List.of());
    Map<String, NamedList<?>> all = SolrRequests.buckets(counted, facet.param());
    List<FacetGroup.Value> values =
        all.entrySet().stream()
            .map(
                b -> {
                  String value =
                      SolrFields.hierarchical(facet.field())
                          ? SolrFields.path(b.getKey())
                          : b.getKey();
                  return new FacetGroup.Value(
                      value, SolrRequests.count(b.getValue()), selected.contains(value));
                })
            .filter(v -> label(v.value()).toLowerCase(Locale.ROOT).contains(needle))
            .sorted(
                Comparator.comparingLong(FacetGroup.Value::count)
                    .reversed()
                    .thenComparing(v -> label(v.value())))
            .limit(limit)
            .toList();
    return new FacetGroup(facet.param(), facet.label(), path, values, all.size());
  }

  /** The last level of a path: what a facet value is labelled with. */
  private static String label(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  List<AddedDecision> addedSince(
      String queryText, Map<Filter, List<String>> filters, Instant since, int limit)
      throws IOException {
    if (limit < 1 || limit > AddedSinceService.MAX_LIMIT) {
      throw new BadRequestException(
          "limit must be between 1 and " + AddedSinceService.MAX_LIMIT + ", was " + limit);
    }
    SolrQuery query = requests.base(queryText, filters);
    query.addFilterQuery(
        IndexField.INDEXED_AT.fieldName() + ":[" + since.toEpochMilli() + " TO *]");
    // Most recently indexed first; a letter's decisions in letter order.
    query.set(
        "sort",
        IndexField.INDEXED_AT.fieldName()
            + " desc,"
            + IndexField.LETTER_ID.fieldName()
            + " asc,"
            + IndexField.DECISION_NUMBER.fieldName()
            + " asc");
    query.set("fl", String.join(",", SolrHits.SHOWN) + "," + IndexField.INDEXED_AT.fieldName());
    query.setRows(limit);
    SolrHits.highlight(query);
    QueryResponse response = requests.send(query, Map.of(), "the saved search");
    List<AddedDecision> added = new ArrayList<>();
    for (SolrDocument d : response.getResults()) {
      long millis = ((Number) d.getFirstValue(IndexField.INDEXED_AT.fieldName())).longValue();
      added.add(new AddedDecision(hits.hit(d, response), Instant.ofEpochMilli(millis)));
    }
    return added;
  }
}
