package org.imrsearch.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.config.Deadlines;
import org.imrsearch.index.IndexField;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.Filter;
import org.imrsearch.rates.Comparison;
import org.imrsearch.rates.DayTally;
import org.imrsearch.rates.DecisionTimes;
import org.imrsearch.rates.Distinctive;
import org.imrsearch.rates.DistinctiveService;
import org.imrsearch.rates.RateRow;
import org.imrsearch.rates.RateService;
import org.imrsearch.rates.RateTable;

/**
 * Overturn rates, comparisons, decision times and distinctive terms of a Solr collection, counted
 * with the JSON Facet API in one request each, and finished by the same code as the embedded
 * engine's ({@link RateService#table}, {@link RateService#comparison}, {@link
 * RateService#timesTable}, {@link DistinctiveService#rank}), so the figures, intervals and tests
 * are the same.
 *
 * <p>A grouping along a hierarchy (citations, months) groups by its second level ("MTUS/Low Back
 * Complaints 2004", "2016/03"), and by the first where there is none ("none cited"), as the
 * embedded engine does.
 */
final class SolrStats {
  private static final String OVERTURNED = "overturned";

  private final SolrRequests requests;
  private final Deadlines deadlines;
  private final Set<String> boilerplate;

  SolrStats(SolrRequests requests, Deadlines deadlines, Set<String> boilerplate) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.boilerplate = boilerplate;
  }

  RateTable rates(String queryText, Map<Filter, List<String>> filters, List<Filter> by) {
    RateService.requireGroupings(by);
    long start = System.nanoTime();
    boolean limited = by.stream().anyMatch(f -> SolrFields.hierarchical(f.field()));
    Map<String, Object> overturned = overturned();
    Map<String, Object> inner =
        by.size() == 2 ? groupFacets(by.get(1), "h", overturned) : overturned;
    Map<String, Object> facets = new LinkedHashMap<>(overturned);
    facets.putAll(groupFacets(by.get(0), "g", inner));
    NamedList<?> counted = count(queryText, filters, facets, "the rates");
    RateRow baseline =
        RateRow.of(List.of("all"), SolrRequests.count(counted), overturnedIn(counted));
    List<RateRow> rows = new ArrayList<>();
    Map<String, NamedList<?>> first = groups(counted, by.get(0), "g");
    int firsts = 0;
    for (Map.Entry<String, NamedList<?>> g : first.entrySet()) {
      if (by.size() == 1) {
        rows.add(
            RateRow.of(
                List.of(g.getKey()), SolrRequests.count(g.getValue()), overturnedIn(g.getValue())));
        continue;
      }
      if (limited && ++firsts > RateService.MAX_TWO_WAY_GROUPS) {
        break;
      }
      int seconds = 0;
      for (Map.Entry<String, NamedList<?>> h : groups(g.getValue(), by.get(1), "h").entrySet()) {
        if (limited && ++seconds > RateService.MAX_TWO_WAY_GROUPS) {
          break;
        }
        rows.add(
            RateRow.of(
                List.of(g.getKey(), h.getKey()),
                SolrRequests.count(h.getValue()),
                overturnedIn(h.getValue())));
      }
    }
    return RateService.table(queryText, by, baseline, rows, start);
  }

  Comparison compare(
      String queryText,
      Map<Filter, List<String>> filters,
      Map<Filter, List<String>> a,
      Map<Filter, List<String>> b) {
    RateService.requireSelections(a, b);
    long start = System.nanoTime();
    String inA = SolrRequests.all(requests.asIndexed(a));
    String inB = SolrRequests.all(requests.asIndexed(b));
    Map<String, Object> facets = new LinkedHashMap<>();
    Map<String, Object> facetA = SolrRequests.queryFacet(inA);
    facetA.put("facet", overturned());
    Map<String, Object> facetB = SolrRequests.queryFacet(inB);
    facetB.put("facet", overturned());
    facets.put("a", facetA);
    facets.put("b", facetB);
    facets.put("both", SolrRequests.queryFacet(inA + " " + inB));
    NamedList<?> counted = count(queryText, filters, facets, "the comparison");
    NamedList<?> countedA = SolrRequests.sub(counted, "a");
    NamedList<?> countedB = SolrRequests.sub(counted, "b");
    return RateService.comparison(
        queryText,
        a,
        new long[] {SolrRequests.count(countedA), overturnedIn(countedA)},
        b,
        new long[] {SolrRequests.count(countedB), overturnedIn(countedB)},
        SolrRequests.count(SolrRequests.sub(counted, "both")),
        start);
  }

  DecisionTimes times(String queryText, Map<Filter, List<String>> filters, Filter by) {
    long start = System.nanoTime();
    // Exact percentiles: the days of each priority as a histogram (a few hundred values at
    // most), the deadline of each priority applied here, as the embedded engine does.
    Map<String, Object> days =
        new LinkedHashMap<>(SolrRequests.termsOf(IndexField.DECISION_DAYS.fieldName()));
    days.put("missing", true);
    Map<String, Object> byPriority =
        new LinkedHashMap<>(SolrRequests.termsOf(IndexField.PRIORITY.fieldName()));
    byPriority.put("facet", Map.of("days", days));
    Map<String, Object> tally = Map.of("priority", byPriority);
    Map<String, Object> facets = new LinkedHashMap<>(tally);
    if (by != null) {
      facets.putAll(groupFacets(by, "g", tally));
    }
    NamedList<?> counted = count(queryText, filters, facets, "the times");
    DecisionTimes.Row overall =
        SolrRequests.count(counted) == 0
            ? new DecisionTimes.Row(List.of("all"), 0, 0, null, null, 0, 0, null)
            : tally(counted).row(List.of("all"));
    List<DecisionTimes.Row> rows = new ArrayList<>();
    if (by != null) {
      groups(counted, by, "g").forEach((key, g) -> rows.add(tally(g).row(List.of(key))));
    }
    return RateService.timesTable(queryText, by, deadlines, overall, rows, start);
  }

  private DayTally tally(NamedList<?> counted) {
    DayTally tally = new DayTally();
    SolrRequests.buckets(counted, "priority")
        .forEach(
            (priority, p) -> {
              OptionalInt deadline = deadlines.days(priority);
              SolrRequests.buckets(p, "days")
                  .forEach(
                      (d, bucket) -> {
                        for (long i = SolrRequests.count(bucket); i > 0; i--) {
                          tally.add(Long.parseLong(d), deadline);
                        }
                      });
              NamedList<?> missing = SolrRequests.sub(SolrRequests.sub(p, "days"), "missing");
              for (long i = SolrRequests.count(missing); i > 0; i--) {
                tally.add(-1, deadline);
              }
            });
    return tally;
  }

  Distinctive distinctive(String queryText, Map<Filter, List<String>> filters, String against) {
    boolean byOutcome = DistinctiveService.byOutcome(against);
    long start = System.nanoTime();
    SolrQuery selection = requests.base(queryText, filters);
    selection.setRows(DistinctiveService.SAMPLE);
    selection.set("fl", IndexField.RATIONALE.fieldName() + "," + IndexField.OUTCOME.fieldName());
    if (queryText == null || queryText.isBlank()) {
      selection.set("sort", SolrFields.ID + " asc");
    }
    QueryResponse selected = requests.send(selection, Map.of(), "the distinctive terms");
    List<String> fore = new ArrayList<>();
    List<String> back = new ArrayList<>();
    for (SolrDocument d : selected.getResults()) {
      boolean overturned =
          Outcome.OVERTURNED.label().equals(d.getFirstValue(IndexField.OUTCOME.fieldName()));
      (byOutcome && !overturned ? back : fore).add(rationale(d));
    }
    if (!byOutcome) {
      // The background: a sample of the whole collection, the same one every time (a seeded
      // random order), as the embedded engine's is spread evenly over its index.
      SolrQuery everything = requests.base("", Map.of());
      everything.setRows(DistinctiveService.SAMPLE);
      everything.set("fl", IndexField.RATIONALE.fieldName());
      everything.set("sort", "random_1 asc");
      for (SolrDocument d :
          requests.send(everything, Map.of(), "the distinctive terms").getResults()) {
        back.add(rationale(d));
      }
    }
    long total = selected.getResults().getNumFound();
    return DistinctiveService.rank(
        queryText,
        byOutcome,
        total > selected.getResults().size() || !byOutcome,
        total,
        fore,
        back,
        boilerplate,
        start);
  }

  private static String rationale(SolrDocument d) {
    Object r = d.getFirstValue(IndexField.RATIONALE.fieldName());
    return r == null ? "" : r.toString();
  }

  private NamedList<?> count(
      String queryText,
      Map<Filter, List<String>> filters,
      Map<String, Object> facets,
      String what) {
    SolrQuery query = requests.base(queryText, filters);
    query.setRows(0);
    return SolrRequests.facets(requests.send(query, facets, what));
  }

  private static Map<String, Object> overturned() {
    return Map.of(
        OVERTURNED,
        SolrRequests.queryFacet(
            IndexField.OUTCOME.fieldName()
                + ":"
                + SolrQueryWriter.quoted(Outcome.OVERTURNED.label())));
  }

  private static long overturnedIn(NamedList<?> counted) {
    return SolrRequests.count(SolrRequests.sub(counted, OVERTURNED));
  }

  /**
   * The facets that group by {@code by}, named from {@code name}, each bucket with {@code inner}:
   * one terms facet for a flat grouping; for a hierarchy, one per level of the two counted.
   */
  private static Map<String, Object> groupFacets(
      Filter by, String name, Map<String, Object> inner) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!SolrFields.hierarchical(by.field())) {
      Map<String, Object> terms = SolrRequests.termsOf(by.dim());
      terms.put("facet", inner);
      out.put(name, terms);
      return out;
    }
    for (int level = 0; level < 2; level++) {
      Map<String, Object> terms = SolrRequests.termsOf(by.dim());
      terms.put("prefix", level + "/");
      terms.put("limit", level == 0 ? RateService.MAX_GROUPS : SolrRequests.ALL_VALUES);
      terms.put("facet", inner);
      out.put(name + level, terms);
    }
    return out;
  }

  /**
   * The groups of {@link #groupFacets}' answer, largest first: for a hierarchy, each first level
   * value's second-level values, or the value itself where it has none.
   */
  private static Map<String, NamedList<?>> groups(NamedList<?> counted, Filter by, String name) {
    if (!SolrFields.hierarchical(by.field())) {
      return SolrRequests.buckets(counted, name);
    }
    Map<String, NamedList<?>> out = new LinkedHashMap<>();
    Map<String, NamedList<?>> second = SolrRequests.buckets(counted, name + "1");
    for (Map.Entry<String, NamedList<?>> top :
        SolrRequests.buckets(counted, name + "0").entrySet()) {
      String parent = SolrFields.path(top.getKey());
      int before = out.size();
      second.forEach(
          (term, bucket) -> {
            String path = SolrFields.path(term);
            if (path.startsWith(parent + "/") && out.size() - before < RateService.MAX_GROUPS) {
              out.put(path, bucket);
            }
          });
      if (out.size() == before) {
        out.put(parent, top.getValue());
      }
    }
    return out;
  }
}
