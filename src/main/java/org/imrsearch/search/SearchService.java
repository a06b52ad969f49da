package org.imrsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.imrsearch.facets.FacetCounting;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.index.StoredText;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;

/**
 * Searches decisions: parses the query, applies the filters as multi-select facets (each facet
 * counted as if its own selection were off: Lucene's drill sideways), sorts, pages, and marks the
 * matches in rationale passages.
 */
public final class SearchService {
  /** Values a sidebar facet lists (the rest through {@code /api/facets/{name}}). */
  public static final int FACET_VALUES = 20;

  /** Rationale passages a hit shows. */
  public static final int PASSAGES = 3;

  /**
   * Lucene's default: a page collector whose total is known from elsewhere counts this far exactly.
   */
  private static final int PAGE_TOTAL_HITS_THRESHOLD = 1000;

  /** Month is shown through year; it is a grouping for rates, not a sidebar facet. */
  public static final List<Filter> SIDEBAR =
      Arrays.stream(Filter.values()).filter(f -> f != Filter.MONTH).toList();

  private static final List<String> SIDEBAR_DIMS = SIDEBAR.stream().map(Filter::dim).toList();

  private final IndexSearchers searchers;
  private final QuerySyntax syntax;
  private final Analyzer indexAnalyzer;

  private final Duration timeout;
  private final AtomicReference<CachedFacets> everything = new AtomicReference<>();

  private final ResultCache cache;

  public SearchService(
      IndexSearchers searchers,
      QuerySyntax syntax,
      Analyzer indexAnalyzer,
      Duration timeout,
      ResultCache cache) {
    this.searchers = searchers;
    this.cache = cache;
    this.syntax = syntax;
    this.indexAnalyzer = indexAnalyzer;
    this.timeout = timeout;
  }

  /**
   * A page of {@code request}'s hits with the facets of them all. A page after a cursor is searched
   * on the point in time of the page that gave the cursor.
   *
   * @throws ExpiredCursorException if that point in time is no longer kept
   */
  public SearchResult search(SearchRequest asked) throws IOException {
    long start = System.nanoTime();
    boolean byDate = asked.sort() == SearchRequest.Sort.DATE;
    Cursor cursor = asked.after() == null ? null : Cursor.decode(asked.after(), byDate);
    try (IndexSearchers.Snapshot snapshot =
        cursor == null ? searchers.acquire() : searchers.acquire(cursor.pointInTime())) {
      // Filter values as this point in time spells them, so the cache key is one per meaning.
      SearchRequest resolved = asked.withFilters(snapshot.asIndexed(asked.filters()));
      ResultCache.Found<SearchResult> found =
          cache.get(snapshot.version(), resolved, () -> compute(snapshot, resolved, cursor, start));
      if (found.value().next() != null) {
        snapshot.pin(); // a cached result's cursor names this point in time: keep it
      }
      return found.cached()
          ? found.value().fromCache((System.nanoTime() - start) / 1_000_000)
          : found.value();
    }
  }

  private SearchResult compute(
      IndexSearchers.Snapshot snapshot, SearchRequest request, Cursor cursor, long start)
      throws IOException {
    IndexSearcher searcher = snapshot.searcher(timeout);
    Query query = syntax.parse(request.query(), searcher);
    DrillDownQuery drill = Filter.drillDown(searchers.facetsConfig(), query, request.filters());
    boolean byDate = request.sort() == SearchRequest.Sort.DATE;
    ScoreDoc after = cursor == null ? null : cursor.last();
    int wanted = after == null ? request.page() * request.size() : request.size();
    // The landing view (no query, no filter) has the same facets until the index changes:
    // counted once per index version, not once per request.
    boolean everythingView = request.query().isBlank() && request.filters().isEmpty();
    Object readerKey = snapshot.version();
    CachedFacets cached = everything.get();
    boolean useCache = everythingView && cached != null && cached.key() == readerKey;
    TopDocs top;
    long total;
    Facets counted = null;
    if (useCache) {
      // Every decision, and Lucene counts them from its statistics without visiting any.
      top = searcher.search(drill, pageCollector(byDate, wanted, after, PAGE_TOTAL_HITS_THRESHOLD));
      total = searcher.count(drill);
    } else if (request.filters().isEmpty()) {
      // Nothing selected, so nothing to count sideways. The facets need every hit but no
      // score; the page needs only the best hits, which the scorer finds by skipping blocks
      // that cannot compete. Scoring every hit instead (one pass for both) was most of a common
      // phrase's time.
      FacetsCollector hitsToCount = searcher.search(drill, FacetCounting.hitsCollector());
      counted = snapshot.facets().countInBackground(hitsToCount, SIDEBAR_DIMS);
      top = searcher.search(drill, pageCollector(byDate, wanted, after, PAGE_TOTAL_HITS_THRESHOLD));
      total = FacetCounting.totalHits(hitsToCount);
    } else {
      // Each selected facet is counted as if its own selection were off (drill sideways): one
      // ordinary search for the page and one per selected facet, run side by side, each
      // under the time limit.
      DrillSideways sideways = snapshot.facets().drillSideways(searcher, SIDEBAR_DIMS);
      DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> result =
          sideways.search(drill, pageCollector(byDate, wanted, after, Integer.MAX_VALUE));
      top = result.collectorResult;
      total = top.totalHits.value();
      counted = result.facets;
    }
    ScoreDoc[] page =
        Arrays.copyOfRange(
            top.scoreDocs,
            Math.min(top.scoreDocs.length, wanted - request.size()),
            top.scoreDocs.length);
    List<Hit> hits;
    List<FacetGroup> facets;
    try {
      if (searcher.timedOut()) {
        throw new TimeLimitException("the query", timeout, "narrow it");
      }
      // The facets are being counted in the background meanwhile.
      hits = hits(searcher, query, new TopDocs(top.totalHits, page));
      facets = useCache ? cached.groups() : facetGroups(counted, request.filters());
    } finally {
      // The snapshot is released when this returns: no counting may outlive it.
      FacetCounting.awaitQuietly(counted);
    }
    if (everythingView && !useCache) {
      everything.set(new CachedFacets(readerKey, facets));
    }
    long seen = (after == null ? (long) (request.page() - 1) * request.size() : 0) + page.length;
    String next =
        page.length == request.size() && (after != null || seen < total)
            ? new Cursor(snapshot.pin(), page[page.length - 1]).encode(byDate)
            : null;
    NoHitsHelp help =
        total == 0 && (!request.filters().isEmpty() || !request.query().isBlank())
            ? NoHitsHelp.of(
                searcher, searchers.facetsConfig(), request.query(), query, request.filters())
            : null;
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResult(
        request.query(),
        total,
        request.page(),
        request.size(),
        request.sort().name().toLowerCase(Locale.ROOT),
        hits,
        facets,
        next,
        took,
        false,
        help);
  }

  /** The most values {@link #facetValues} returns. */
  public static final int MAX_FACET_VALUES = 1000;

  /**
   * All values of one facet among the decisions {@code request} selects, counted as in the sidebar
   * (as if this facet's own selection were off), largest first: those containing {@code contains}
   * (case ignored; empty for all), at most {@code limit}. For a hierarchical facet, the children of
   * {@code path} ("" for the top level).
   */
  public FacetGroup facetValues(
      SearchRequest request, Filter facet, String path, String contains, int limit)
      throws IOException {
    if (limit < 1 || limit > MAX_FACET_VALUES) {
      throw new BadRequestException(
          "limit must be between 1 and " + MAX_FACET_VALUES + ", was " + limit);
    }
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher(timeout);
      Map<Filter, List<String>> filters = snapshot.asIndexed(request.filters());
      Map<Filter, List<String>> others = new LinkedHashMap<>(filters);
      others.remove(facet);
      Query query = syntax.parse(request.query(), searcher);
      FacetsCollector hits =
          searcher.search(
              Filter.drillDown(searchers.facetsConfig(), query, others),
              FacetCounting.hitsCollector());
      if (searcher.timedOut()) {
        throw new TimeLimitException("the facet values", timeout, "narrow the query");
      }
      Facets facets = snapshot.facets().count(hits, List.of(facet.dim()));
      FacetResult all;
      try {
        all =
            path.isEmpty()
                ? facets.getAllChildren(facet.dim())
                : facets.getAllChildren(facet.dim(), facet.path(path));
      } catch (IllegalArgumentException e) {
        all = null; // no values at this level
      }
      String needle = contains.strip().toLowerCase(Locale.ROOT);
      List<String> selected = filters.getOrDefault(facet, List.of());
      List<FacetGroup.Value> values = new ArrayList<>();
      if (all != null) {
        Arrays.stream(all.labelValues)
            .filter(lv -> lv.label.toLowerCase(Locale.ROOT).contains(needle))
            .sorted(
                Comparator.comparingLong((LabelAndValue lv) -> lv.value.longValue())
                    .reversed()
                    .thenComparing(lv -> lv.label))
            .limit(limit)
            .forEach(
                lv -> {
                  String value = path.isEmpty() ? lv.label : path + "/" + lv.label;
                  values.add(
                      new FacetGroup.Value(value, lv.value.longValue(), selected.contains(value)));
                });
      }
      return new FacetGroup(
          facet.param(), facet.label(), path, values, all == null ? 0 : all.labelValues.length);
    }
  }

  /** The facets of all decisions, for the reader they were counted on. */
  private record CachedFacets(Object key, List<FacetGroup> groups) {}

  /**
   * Collects the first {@code wanted} hits after {@code after}, newest first or by relevance,
   * counting hits exactly up to {@code totalHitsThreshold}; past it the collector may skip hits
   * that cannot make the page.
   */
  private static CollectorManager<?, ? extends TopDocs> pageCollector(
      boolean byDate, int wanted, ScoreDoc after, int totalHitsThreshold) {
    return byDate
        ? new TopFieldCollectorManager(newestFirst(), wanted, (FieldDoc) after, totalHitsThreshold)
        : new TopScoreDocCollectorManager(wanted, after, totalHitsThreshold);
  }

  static Sort newestFirst() {
    return new Sort(
        LongField.newSortField(
            IndexField.DECISION_DATE.fieldName(), true, SortedNumericSelector.Type.MIN));
  }

  /**
   * The page's hits with their rationale passages, read and highlighted in two halves side by side
   * ({@link TwoHalves}). Each hit's stored fields are read once, for the hit and for the
   * highlighter: stored fields are compressed in blocks, and decompressing a block per hit twice
   * was most of a selective query's time.
   */
  List<Hit> hits(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
    ScoreDoc[] all = page.scoreDocs;
    return searchers
        .twoHalves()
        .read(
            all.length,
            (from, to) ->
                hitsOf(
                    searcher,
                    query,
                    new TopDocs(page.totalHits, Arrays.copyOfRange(all, from, to))));
  }

  private List<Hit> hitsOf(IndexSearcher searcher, Query query, TopDocs part) throws IOException {
    StoredFields stored = searcher.storedFields(); // one per thread: they are not shared
    List<Document> docs = new ArrayList<>(part.scoreDocs.length);
    Map<Integer, String> rationales = new HashMap<>();
    for (ScoreDoc hit : part.scoreDocs) {
      Document d = DecisionFields.load(stored, hit.doc);
      docs.add(d);
      rationales.put(hit.doc, StoredText.rationale(d));
    }
    String[] passages = new String[part.scoreDocs.length];
    if (part.scoreDocs.length > 0) {
      UnifiedHighlighter.Builder builder =
          UnifiedHighlighter.builder(searcher, indexAnalyzer)
              .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " \u2026 ", true));
      passages =
          new PreloadedHighlighter(builder, IndexField.RATIONALE.fieldName(), rationales)
              .highlight(IndexField.RATIONALE.fieldName(), query, part, PASSAGES);
    }
    List<Hit> hits = new ArrayList<>(part.scoreDocs.length);
    for (int i = 0; i < part.scoreDocs.length; i++) {
      List<String> marked =
          passages[i] == null
              ? List.of()
              : Arrays.stream(passages[i].split(" \u2026 "))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList();
      hits.add(DecisionFields.hit(docs.get(i), marked));
    }
    return hits;
  }

  /**
   * A highlighter that takes the text of the field it marks from values already loaded, by doc id.
   */
  private static final class PreloadedHighlighter extends UnifiedHighlighter {
    private final String field;
    private final Map<Integer, String> values;

    PreloadedHighlighter(Builder builder, String field, Map<Integer, String> values) {
      super(builder);
      this.field = field;
      this.values = values;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) {
      List<CharSequence[]> loaded = new ArrayList<>();
      try {
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          CharSequence[] row = new CharSequence[fields.length];
          for (int f = 0; f < fields.length; f++) {
            row[f] = fields[f].equals(field) ? values.getOrDefault(doc, "") : "";
          }
          loaded.add(row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e); // an iterator over an array of doc ids does no I/O
      }
      return loaded;
    }
  }

  private static List<FacetGroup> facetGroups(Facets facets, Map<Filter, List<String>> filters)
      throws IOException {
    List<FacetGroup> groups = new ArrayList<>();
    for (Filter filter : SIDEBAR) {
      List<String> selected = filters.getOrDefault(filter, List.of());
      boolean hierarchical = Schema.isHierarchical(filter.field());
      String level = hierarchical && selected.size() == 1 ? selected.get(0) : "";
      List<FacetGroup.Value> values = new ArrayList<>();
      FacetResult result = topChildren(facets, filter, level);
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          String value = level.isEmpty() ? lv.label : level + "/" + lv.label;
          values.add(new FacetGroup.Value(value, lv.value.longValue(), selected.contains(value)));
        }
      }
      for (String s : selected) {
        if (values.stream().noneMatch(v -> v.value().equals(s))) {
          Number count = specific(facets, filter, s);
          // Lucene says -1 for a value the index does not have: none of the hits have it either.
          values.add(
              new FacetGroup.Value(s, count == null ? 0 : Math.max(0, count.longValue()), true));
        }
      }
      int distinct = result == null ? 0 : Math.max(result.childCount, values.size());
      groups.add(new FacetGroup(filter.param(), filter.label(), level, values, distinct));
    }
    return groups;
  }

  private static FacetResult topChildren(Facets facets, Filter filter, String level)
      throws IOException {
    try {
      return level.isEmpty()
          ? facets.getTopChildren(FACET_VALUES, filter.dim())
          : facets.getTopChildren(FACET_VALUES, filter.dim(), level.split("/"));
    } catch (IllegalArgumentException e) {
      return null; // a dimension or path with no values in this index
    }
  }

  private static Number specific(Facets facets, Filter filter, String value) throws IOException {
    try {
      return facets.getSpecificValue(filter.dim(), filter.path(value));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
