package org.imrsearch.rates;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.imrsearch.config.Deadlines;
import org.imrsearch.facets.FacetCounting;
import org.imrsearch.index.LetterDocuments;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.search.IndexSearchers;
import org.imrsearch.search.ResultCache;
import org.imrsearch.search.TimeLimitException;

/**
 * Overturn rates: for the decisions a query and filters select, how many were overturned in each
 * group of one facet (or each pair of groups of two). Counted with two facet passes per table (all
 * decisions, overturned decisions), never by loading documents.
 */
public final class RateService {
  /** Groups of a hierarchical grouping counted at most, per level. */
  public static final int MAX_GROUPS = 200;

  /** Groups along each side of a two-way table of a hierarchical grouping, at most. */
  public static final int MAX_TWO_WAY_GROUPS = 30;

  private final IndexSearchers searchers;
  private final QuerySyntax syntax;

  private final Duration timeout;

  private final ResultCache cache;

  /** What a rates request asks, as a cache key. */
  private record Request(String query, Map<Filter, List<String>> filters, List<Filter> by) {}

  private final Deadlines deadlines;

  public RateService(
      IndexSearchers searchers,
      QuerySyntax syntax,
      Duration timeout,
      ResultCache cache,
      Deadlines deadlines) {
    this.deadlines = deadlines;
    this.searchers = searchers;
    this.cache = cache;
    this.syntax = syntax;
    this.timeout = timeout;
  }

  /**
   * The decisions of {@code query} and {@code filters} that also match {@code a}, against those
   * that also match {@code b} (each a set of filters: values of one filter OR'ed, filters AND'ed).
   */
  public Comparison compare(
      String query,
      Map<Filter, List<String>> filters,
      Map<Filter, List<String>> a,
      Map<Filter, List<String>> b)
      throws IOException {
    requireSelections(a, b);
    long start = System.nanoTime();
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher(timeout);
      Query base =
          Filter.drillDown(
              searchers.facetsConfig(), syntax.parse(query, searcher), snapshot.asIndexed(filters));
      DrillDownQuery inA = Filter.drillDown(searchers.facetsConfig(), base, snapshot.asIndexed(a));
      DrillDownQuery inB = Filter.drillDown(searchers.facetsConfig(), base, snapshot.asIndexed(b));
      long[] countsA = {searcher.count(inA), searcher.count(overturned(inA))};
      long[] countsB = {searcher.count(inB), searcher.count(overturned(inB))};
      long overlap =
          searcher.count(
              new BooleanQuery.Builder()
                  .add(inA, BooleanClause.Occur.FILTER)
                  .add(inB, BooleanClause.Occur.FILTER)
                  .build());
      if (searcher.timedOut()) {
        throw new TimeLimitException("the comparison", timeout, "narrow the selections");
      }
      return comparison(query, a, countsA, b, countsB, overlap, start);
    }
  }

  /** Refuses a comparison without two selections. */
  public static void requireSelections(Map<Filter, List<String>> a, Map<Filter, List<String>> b) {
    if (a.isEmpty() || b.isEmpty()) {
      throw new BadRequestException(
          "compare needs two selections: a=... and b=..., each filter:value, e.g."
              + " a=guideline:MTUS&b=guideline:ODG");
    }
  }

  /**
   * Selection {@code a} against {@code b}, whichever engine counted them: each one's decisions and
   * overturned ones ({@code {decisions, overturned}}), and the decisions in both.
   */
  public static Comparison comparison(
      String query,
      Map<Filter, List<String>> a,
      long[] countsA,
      Map<Filter, List<String>> b,
      long[] countsB,
      long overlap,
      long startNanos) {
    RateRow rowA = RateRow.of(List.of(describe(a)), countsA[0], countsA[1]);
    RateRow rowB = RateRow.of(List.of(describe(b)), countsB[0], countsB[1]);
    double[] interval = Proportions.differenceInterval(rowA, rowB);
    double p =
        Proportions.twoSidedP(
            rowA.overturned(), rowA.decisions(), rowB.overturned(), rowB.decisions());
    return new Comparison(
        query,
        rowA,
        rowB,
        new Comparison.Difference(rowA.rate() - rowB.rate(), interval[0], interval[1]),
        p,
        overlap,
        Comparison.NOTE,
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** A selection as the user would write it: "guideline:MTUS, year:2016 or 2017". */
  private static String describe(Map<Filter, List<String>> selection) {
    return selection.entrySet().stream()
        .map(e -> e.getKey().param() + ":" + String.join(" or ", e.getValue()))
        .sorted()
        .reduce((x, y) -> x + ", " + y)
        .orElse("");
  }

  /**
   * How long the selected decisions took, overall and per value of {@code by} (a flat grouping, or
   * null for none), with the share past each priority's deadline.
   */
  public DecisionTimes times(String query, Map<Filter, List<String>> filters, Filter by)
      throws IOException {
    long start = System.nanoTime();
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher(timeout);
      DrillDownQuery selection =
          Filter.drillDown(
              searchers.facetsConfig(), syntax.parse(query, searcher), snapshot.asIndexed(filters));
      boolean flat = by != null && !Schema.isHierarchical(by.field());
      // All decisions and a flat grouping's groups in one pass.
      DecisionTimesCollector.Tallied tallied =
          searcher.search(
              selection,
              new DecisionTimesCollector(flat ? by.field().fieldName() : null, deadlines));
      List<DecisionTimes.Row> rows = new ArrayList<>(tallied.groups());
      if (by != null && !flat) {
        // A citation part or a month is a facet path, not a keyword: the groups come from the
        // facet counts, and each group's times from a search of its own.
        for (String group : counts(searcher, snapshot, selection, by).byValue.keySet()) {
          DrillDownQuery inGroup =
              Filter.drillDown(searchers.facetsConfig(), selection, Map.of(by, List.of(group)));
          DecisionTimes.Row r =
              searcher.search(inGroup, new DecisionTimesCollector(null, deadlines)).all();
          if (r != null) {
            rows.add(
                new DecisionTimes.Row(
                    List.of(group),
                    r.decisions(),
                    r.notStated(),
                    r.median(),
                    r.p90(),
                    r.withDeadline(),
                    r.pastDeadline(),
                    r.pastDeadlineShare()));
          }
        }
      }
      if (searcher.timedOut()) {
        throw new TimeLimitException("the times", timeout, "narrow the selection");
      }
      DecisionTimes.Row overall =
          tallied.all() == null
              ? new DecisionTimes.Row(List.of("all"), 0, 0, null, null, 0, 0, null)
              : tallied.all();
      return timesTable(query, by, deadlines, overall, rows, start);
    }
  }

  /**
   * The times of {@code rows} and {@code overall}, whichever engine tallied them, in the order
   * pages show (time along years and months, else the largest groups first).
   */
  public static DecisionTimes timesTable(
      String query,
      Filter by,
      Deadlines deadlines,
      DecisionTimes.Row overall,
      List<DecisionTimes.Row> rows,
      long startNanos) {
    List<DecisionTimes.Row> sorted = new ArrayList<>(rows);
    if (by == Filter.YEAR || by == Filter.MONTH) {
      sorted.sort(
          Comparator.comparing(
                  (DecisionTimes.Row r) -> r.key().get(0).equals(LetterDocuments.NOT_STATED))
              .thenComparing(r -> r.key().get(0)));
    } else {
      sorted.sort(
          Comparator.comparingLong(DecisionTimes.Row::decisions)
              .reversed()
              .thenComparing(r -> r.key().get(0)));
    }
    return new DecisionTimes(
        query,
        by == null ? null : by.param(),
        DecisionTimes.NOTE,
        deadlines.all(),
        overall,
        sorted,
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  public RateTable rates(String queryText, Map<Filter, List<String>> filters, List<Filter> by)
      throws IOException {
    requireGroupings(by);
    long start = System.nanoTime();
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      Map<Filter, List<String>> indexed = snapshot.asIndexed(filters);
      Request request =
          new Request(
              queryText == null ? "" : queryText.strip(), Map.copyOf(indexed), List.copyOf(by));
      ResultCache.Found<RateTable> found =
          cache.get(
              snapshot.version(), request, () -> compute(snapshot, queryText, indexed, by, start));
      return found.cached()
          ? found.value().fromCache((System.nanoTime() - start) / 1_000_000)
          : found.value();
    }
  }

  /** Refuses a table of no grouping or of more than two. */
  public static void requireGroupings(List<Filter> by) {
    if (by.isEmpty() || by.size() > 2) {
      throw new BadRequestException(
          "by takes one grouping or two (a two-way table), e.g. by=guideline or by=guideline,year");
    }
  }

  private RateTable compute(
      IndexSearchers.Snapshot snapshot,
      String queryText,
      Map<Filter, List<String>> filters,
      List<Filter> by,
      long start)
      throws IOException {
    IndexSearcher searcher = snapshot.searcher(timeout);
    Query query = syntax.parse(queryText, searcher);
    DrillDownQuery selection = Filter.drillDown(searchers.facetsConfig(), query, filters);
    RateRow baseline;
    List<RateRow> rows = new ArrayList<>();
    if (by.stream().allMatch(f -> !Schema.isHierarchical(f.field()))) {
      // Flat groupings have keyword doc values of their own: one pass counts everything.
      RateCollectorManager.Counts counts =
          searcher.search(
              selection,
              new RateCollectorManager(by.stream().map(f -> f.field().fieldName()).toList()));
      baseline = RateRow.of(List.of("all"), counts.total(), counts.overturned());
      counts.byKey().forEach((key, n) -> rows.add(RateRow.of(key, n[0], n[1])));
    } else {
      Counts all = counts(searcher, snapshot, selection, by.get(0));
      Counts overturned = counts(searcher, snapshot, overturned(selection), by.get(0));
      baseline = RateRow.of(List.of("all"), all.total, overturned.total);
      if (by.size() == 1) {
        all.byValue.forEach(
            (value, n) ->
                rows.add(
                    RateRow.of(List.of(value), n, overturned.byValue.getOrDefault(value, 0L))));
      } else {
        for (String first : all.byValue.keySet().stream().limit(MAX_TWO_WAY_GROUPS).toList()) {
          DrillDownQuery inGroup =
              Filter.drillDown(
                  searchers.facetsConfig(), selection, Map.of(by.get(0), List.of(first)));
          Counts a = counts(searcher, snapshot, inGroup, by.get(1));
          Counts o = counts(searcher, snapshot, overturned(inGroup), by.get(1));
          a.byValue.entrySet().stream()
              .limit(MAX_TWO_WAY_GROUPS)
              .forEach(
                  second ->
                      rows.add(
                          RateRow.of(
                              List.of(first, second.getKey()),
                              second.getValue(),
                              o.byValue.getOrDefault(second.getKey(), 0L))));
        }
      }
    }
    if (searcher.timedOut()) {
      throw new TimeLimitException("the rates", timeout, "narrow the selection");
    }
    return table(queryText, by, baseline, rows, start);
  }

  /**
   * The table of {@code rows} against {@code baseline}, whichever engine counted them: each row
   * tested against the rest of the selection, in the order pages show (time along years and months,
   * flagged where the rate shifts), {@code took} measured from {@code startNanos}.
   */
  public static RateTable table(
      String queryText, List<Filter> by, RateRow baseline, List<RateRow> rows, long startNanos) {
    List<RateRow> tested = tested(baseline, rows);
    tested.sort(order(by));
    boolean inTime = by.size() == 1 && (by.get(0) == Filter.YEAR || by.get(0) == Filter.MONTH);
    if (inTime) {
      tested = shifts(tested, by.get(0) == Filter.MONTH ? 12 : 1);
    }
    long took = (System.nanoTime() - startNanos) / 1_000_000;
    return new RateTable(
        queryText,
        by.stream().map(Filter::param).toList(),
        "decisions",
        RateTable.NOTE,
        inTime ? RateTable.SHIFT_RULE : null,
        baseline,
        tested,
        took,
        false);
  }

  /**
   * Rows of periods in time order, each flagged where its rate leaves the interval of the {@code
   * window} periods before it, pooled ({@link RateTable#SHIFT_RULE}). Periods are "yyyy" or
   * "yyyy/mm"; "not stated" is never flagged.
   */
  static List<RateRow> shifts(List<RateRow> inOrder, int window) {
    List<RateRow> out = new ArrayList<>(inOrder.size());
    for (RateRow row : inOrder) {
      String period = row.key().get(0);
      if (period.equals(LetterDocuments.NOT_STATED) || row.small()) {
        out.add(row);
        continue;
      }
      int index = periodIndex(period);
      long n = 0;
      long o = 0;
      for (RateRow before : inOrder) {
        String p = before.key().get(0);
        if (p.equals(LetterDocuments.NOT_STATED)) {
          continue;
        }
        int i = periodIndex(p);
        if (i < index && i >= index - window) {
          n += before.decisions();
          o += before.overturned();
        }
      }
      if (n == 0) {
        out.add(row);
        continue;
      }
      RateRow previous = RateRow.of(List.of("previous"), n, o);
      String shift =
          row.rate() > previous.ciHigh() ? "up" : row.rate() < previous.ciLow() ? "down" : null;
      out.add(shift == null ? row : row.withShift(shift));
    }
    return out;
  }

  /** A period as a number that counts months (yyyy/mm) or years (yyyy). */
  private static int periodIndex(String period) {
    String[] parts = period.split("/");
    int year = Integer.parseInt(parts[0]);
    return parts.length == 1 ? year : year * 12 + Integer.parseInt(parts[1]) - 1;
  }

  /**
   * Each row tested against the rest of the selection (the baseline's decisions outside the row),
   * the p-values adjusted for the number of rows.
   */
  private static List<RateRow> tested(RateRow baseline, List<RateRow> rows) {
    double[] p = new double[rows.size()];
    for (int i = 0; i < p.length; i++) {
      RateRow r = rows.get(i);
      p[i] =
          Proportions.twoSidedP(
              r.overturned(),
              r.decisions(),
              baseline.overturned() - r.overturned(),
              baseline.decisions() - r.decisions());
    }
    double[] adjusted = Proportions.benjaminiHochberg(p);
    List<RateRow> out = new ArrayList<>(rows.size());
    for (int i = 0; i < p.length; i++) {
      out.add(rows.get(i).withP(p[i], adjusted[i]));
    }
    return out;
  }

  /**
   * Largest groups first, except along time: years and months in time order, with decisions without
   * a date ("not stated") last.
   */
  static Comparator<RateRow> order(List<Filter> by) {
    Comparator<RateRow> order = null;
    for (int i = 0; i < by.size(); i++) {
      if (by.get(i) == Filter.YEAR || by.get(i) == Filter.MONTH) {
        int position = i;
        Comparator<RateRow> inTime =
            Comparator.comparing(
                    (RateRow r) -> r.key().get(position).equals(LetterDocuments.NOT_STATED))
                .thenComparing(r -> r.key().get(position));
        order = order == null ? inTime : order.thenComparing(inTime);
      } else if (order == null) {
        order = Comparator.comparingLong(RateRow::decisions).reversed();
      }
    }
    return order.thenComparing(r -> String.join("/", r.key()));
  }

  private DrillDownQuery overturned(DrillDownQuery selection) {
    DrillDownQuery q = new DrillDownQuery(searchers.facetsConfig(), selection);
    q.add(Filter.OUTCOME.dim(), Outcome.OVERTURNED.label());
    return q;
  }

  private record Counts(long total, Map<String, Long> byValue) {}

  private static Counts counts(
      IndexSearcher searcher, IndexSearchers.Snapshot snapshot, Query query, Filter by)
      throws IOException {
    FacetsCollector fc = searcher.search(query, FacetCounting.hitsCollector());
    long total = FacetCounting.totalHits(fc);
    Map<String, Long> byValue = new LinkedHashMap<>();
    if (total == 0) {
      return new Counts(0, byValue);
    }
    Facets facets = snapshot.facets().count(fc, List.of(by.dim()));
    FacetResult result;
    try {
      result = facets.getTopChildren(MAX_GROUPS, by.dim());
    } catch (IllegalArgumentException e) {
      return new Counts(total, byValue); // nothing indexed for this grouping
    }
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        if (Schema.isHierarchical(by.field())) {
          // Citations group by part ("MTUS/Low Back Complaints 2004"), months by year/month.
          FacetResult children = facets.getTopChildren(MAX_GROUPS, by.dim(), lv.label);
          if (children != null && children.labelValues.length > 0) {
            for (LabelAndValue child : children.labelValues) {
              byValue.put(lv.label + "/" + child.label, child.value.longValue());
            }
            continue;
          }
        }
        byValue.put(lv.label, lv.value.longValue());
      }
    }
    return new Counts(total, byValue);
  }
}
