package org.imrsearch.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Deadlines;
import org.imrsearch.engine.Engine;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Outcome;
import org.imrsearch.model.SourceFile;
import org.imrsearch.original.Original;
import org.imrsearch.original.OriginalFiles;
import org.imrsearch.original.OriginalInfo;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.rates.Comparison;
import org.imrsearch.rates.DecisionTimes;
import org.imrsearch.rates.Distinctive;
import org.imrsearch.rates.RateTable;
import org.imrsearch.search.AddedDecision;
import org.imrsearch.search.AddedSinceService;
import org.imrsearch.search.ExportRows;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.FacetGroup;
import org.imrsearch.search.Hit;
import org.imrsearch.search.IndexHealth;
import org.imrsearch.search.LetterService;
import org.imrsearch.search.LetterView;
import org.imrsearch.search.NoHitsHelp;
import org.imrsearch.search.NotFoundException;
import org.imrsearch.search.PrecedentRequest;
import org.imrsearch.search.Precedents;
import org.imrsearch.search.ResultCache;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchResult;
import org.imrsearch.search.SearchService;
import org.imrsearch.search.SearchServices;

/**
 * The product on a SolrCloud collection: the same API and answers as the embedded index, over HTTP
 * through SolrJ. Queries are parsed by the product's own parser (the same syntax, limits and 400s)
 * and written for Solr; facets are Solr's JSON Facet API with tagged filters (multi-select);
 * highlights are Solr's unified highlighter with {@code <mark>} and everything else escaped; paging
 * past the first page of a result is Solr's {@code cursorMark}. A cluster that does not answer in
 * time is a 503 with the reason ({@link org.imrsearch.engine.EngineUnavailableException}).
 */
public final class SolrEngine implements Engine {
  private static final int SIMILAR = 10;

  /** Facet values as the embedded engine lists them: largest first, then by label. */
  private static final Comparator<FacetGroup.Value> LARGEST_FIRST =
      Comparator.comparingLong(FacetGroup.Value::count)
          .reversed()
          .thenComparing(v -> v.value().substring(v.value().lastIndexOf('/') + 1));

  private static final int EXPORT_BATCH = 500;

  private final SolrCollection collection;
  private final SolrRequests requests;
  private final SolrStats stats;
  private final QuerySyntax syntax;
  private final Analyzers analyzers;
  private final ObjectMapper mapper;
  private final OriginalFiles originals = new OriginalFiles();
  private final SolrHits hits = new SolrHits();
  private final SolrPrecedents precedents;

  private SolrEngine(
      SolrCollection collection,
      Analyzers analyzers,
      Deadlines deadlines,
      ObjectMapper mapper,
      Set<String> boilerplate) {
    this.collection = collection;
    this.analyzers = analyzers;
    this.mapper = mapper;
    this.syntax = new QuerySyntax(analyzers.query());
    this.requests = new SolrRequests(collection, syntax, mapper, SearchServices.QUERY_TIMEOUT);
    this.stats = new SolrStats(requests, deadlines, boilerplate);
    this.precedents = new SolrPrecedents(requests, analyzers.index(), hits);
  }

  /**
   * The engine over {@code options}' collection, which must exist with this version's schema (else
   * {@link UnusableCollectionException}, with what to do).
   */
  public static SolrEngine open(SolrOptions options, ConfigSource config, ObjectMapper mapper)
      throws IOException {
    // The query time limit, and a little for the answer to travel: then the cluster is "slow".
    Duration limit = SearchServices.QUERY_TIMEOUT.plusMillis(1500);
    SolrCollection collection = SolrCollection.connect(options, limit.toMillis());
    Analyzers analyzers = null;
    try {
      collection.requireSchema();
      analyzers = Analyzers.load(config);
      return new SolrEngine(
          collection,
          analyzers,
          Deadlines.load(config),
          mapper,
          SearchServices.boilerplate(config));
    } catch (IOException | RuntimeException e) {
      if (analyzers != null) {
        analyzers.close();
      }
      collection.close();
      throw e;
    }
  }

  @Override
  public SearchResult search(SearchRequest asked) throws IOException {
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
    List<Hit> hits = new ArrayList<>();
    for (SolrDocument d : docs) {
      hits.add(this.hits.hit(d, response));
    }
    long total = docs.getNumFound();
    NamedList<?> counted = SolrRequests.facets(response);
    List<FacetGroup> groups = new ArrayList<>();
    for (Filter f : SearchService.SIDEBAR) {
      groups.add(group(counted, f, filters.getOrDefault(f, List.of())));
    }
    long seen =
        (asked.after() == null ? (long) (asked.page() - 1) * asked.size() : 0) + hits.size();
    String next = null;
    if (hits.size() == asked.size() && (asked.after() != null || seen < total)) {
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
        hits,
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

  @Override
  public FacetGroup facetValues(
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

  @Override
  public LetterView letter(String id, String queryText) throws IOException {
    SolrDocument d = letterDocument(id);
    ObjectNode letter =
        (ObjectNode) mapper.readTree((String) d.getFirstValue(IndexField.LETTER_JSON.fieldName()));
    letter.remove("text"); // the view carries the text beside the letter, not inside it
    String source = LetterService.fileName((String) d.getFirstValue(IndexField.SOURCE.fieldName()));
    letter.put("source", source);
    String text = (String) d.getFirstValue(IndexField.TEXT.fieldName());
    String marked =
        queryText == null || queryText.isBlank()
            ? null
            : LetterService.markWholeText(syntax, analyzers.index(), queryText, text);
    SourceFile file = sourceFile(d);
    return new LetterView(
        id,
        source,
        mapper.writeValueAsString(letter),
        text,
        marked,
        file == null ? null : OriginalInfo.of(id, file));
  }

  @Override
  public Original original(String id) throws IOException {
    return originals.read(id, sourceFile(letterDocument(id)));
  }

  /** The file the letter was ingested from, as recorded then; null when it was not a file. */
  private static SourceFile sourceFile(SolrDocument d) {
    Object path = d.getFirstValue(IndexField.SOURCE_PATH.fieldName());
    if (path == null) {
      return null;
    }
    return new SourceFile(
        Path.of(path.toString()),
        Path.of(String.valueOf(d.getFirstValue(IndexField.SOURCE_ROOT.fieldName()))),
        ((Number) d.getFirstValue(IndexField.SOURCE_BYTES.fieldName())).longValue(),
        String.valueOf(d.getFirstValue(IndexField.SOURCE_SHA256.fieldName())));
  }

  private SolrDocument letterDocument(String id) {
    SolrQuery query =
        new SolrQuery(IndexField.LETTER_ID.fieldName() + ":" + SolrQueryWriter.quoted(id));
    query.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_LETTER));
    query.setRows(1);
    SolrDocumentList found = requests.send(query, Map.of(), "the letter").getResults();
    if (found.isEmpty()) {
      throw new NotFoundException("no letter with id '" + id + "'");
    }
    return found.get(0);
  }

  @Override
  public List<Hit> similar(String id, int decision, Outcome outcome) throws IOException {
    SolrQuery own =
        new SolrQuery(IndexField.LETTER_ID.fieldName() + ":" + SolrQueryWriter.quoted(id));
    own.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_DECISION));
    if (decision > 0) {
      own.addFilterQuery(IndexField.DECISION_NUMBER.fieldName() + ":" + decision);
    }
    own.setFields(SolrFields.ID);
    own.setRows(50);
    SolrDocumentList mine = requests.send(own, Map.of(), "the similar decisions").getResults();
    if (mine.isEmpty()) {
      letterDocument(id); // throws when there is no such letter
      if (decision > 0) {
        throw new NotFoundException("letter '" + id + "' has no decision " + decision);
      }
      return List.of();
    }
    // Solr's MoreLikeThis on each of the letter's decisions, as the embedded engine does: the
    // rationale's most telling words (at least in two decisions, at most forty).
    List<String> likes = new ArrayList<>();
    SolrQuery like = new SolrQuery();
    for (int i = 0; i < mine.size(); i++) {
      like.set("d" + i, String.valueOf(mine.get(i).get(SolrFields.ID)));
      likes.add(
          "_query_:\"{!mlt qf="
              + IndexField.RATIONALE.fieldName()
              + " mintf=1 mindf=2 maxqt=40 v=$d"
              + i
              + "}\"");
    }
    like.setQuery(String.join(" ", likes));
    like.set("q.op", "OR");
    like.set("defType", "lucene");
    like.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_DECISION));
    like.addFilterQuery("-" + IndexField.LETTER_ID.fieldName() + ":" + SolrQueryWriter.quoted(id));
    if (outcome != null) {
      like.addFilterQuery(
          IndexField.OUTCOME.fieldName() + ":" + SolrQueryWriter.quoted(outcome.label()));
    }
    like.set("fl", String.join(",", SolrHits.SHOWN));
    like.setRows(SIMILAR);
    List<Hit> hits = new ArrayList<>();
    for (SolrDocument d : requests.send(like, Map.of(), "the similar decisions").getResults()) {
      hits.add(SolrHits.hit(d, List.of()));
    }
    return hits;
  }

  @Override
  public Precedents precedents(PrecedentRequest request) throws IOException {
    return precedents.find(request);
  }

  @Override
  public List<AddedDecision> addedSince(
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

  @Override
  public RateTable rates(String query, Map<Filter, List<String>> filters, List<Filter> by)
      throws IOException {
    return stats.rates(query, filters, by);
  }

  @Override
  public Comparison compare(
      String query,
      Map<Filter, List<String>> filters,
      Map<Filter, List<String>> a,
      Map<Filter, List<String>> b)
      throws IOException {
    return stats.compare(query, filters, a, b);
  }

  @Override
  public DecisionTimes times(String query, Map<Filter, List<String>> filters, Filter by)
      throws IOException {
    return stats.times(query, filters, by);
  }

  @Override
  public Distinctive distinctive(String query, Map<Filter, List<String>> filters, String against)
      throws IOException {
    return stats.distinctive(query, filters, against);
  }

  @Override
  public IndexHealth health() throws IOException {
    SolrQuery count = new SolrQuery("*:*");
    count.setRows(0);
    Map<String, Object> kinds = new LinkedHashMap<>();
    kinds.put("kinds", SolrRequests.termsOf(IndexField.DOC_TYPE.fieldName()));
    Map<String, NamedList<?>> byKind =
        SolrRequests.buckets(
            SolrRequests.facets(requests.send(count, kinds, "the health check")), "kinds");
    return new IndexHealth(
        "ok",
        SolrRequests.count(byKind.get(Schema.TYPE_LETTER)),
        SolrRequests.count(byKind.get(Schema.TYPE_DECISION)),
        null,
        Integer.toString(Schema.VERSION),
        new ResultCache(0).stats(),
        0,
        "solr " + collection.options());
  }

  @Override
  public ExportService.Export export(
      String queryText,
      Map<Filter, List<String>> filters,
      ExportService.Format format,
      long limit,
      String siteUrl)
      throws IOException {
    if (limit < 1) {
      throw new BadRequestException("limit must be 1 or more, was " + limit);
    }
    requests.q(queryText); // a bad query is a 400 before anything is written
    return out -> {
      SolrQuery query = requests.base(queryText, filters);
      query.set("timeAllowed", "-1"); // an export streams for as long as it takes
      query.set(
          "fl",
          String.join(",", SolrHits.SHOWN)
              + ","
              + String.join(
                  ",",
                  SolrFields.ID,
                  IndexField.RATIONALE.fieldName(),
                  IndexField.CA_GUIDELINE.fieldName(),
                  SolrFields.written(IndexField.CITATION),
                  SolrFields.written(IndexField.CA_CITATION)));
      query.set("sort", SolrFields.ID + " asc");
      String mark = "*";
      try (ExportRows rows = new ExportRows(out, format, mapper, siteUrl)) {
        while (rows.written() < limit) {
          query.setRows((int) Math.min(EXPORT_BATCH, limit - rows.written()));
          query.set("cursorMark", mark);
          QueryResponse page = requests.send(query, Map.of(), "the export");
          for (SolrDocument d : page.getResults()) {
            rows.add(
                SolrHits.hit(d, List.of()),
                SolrHits.strings(d, SolrFields.written(IndexField.CITATION)),
                SolrHits.strings(d, IndexField.CA_GUIDELINE),
                SolrHits.strings(d, SolrFields.written(IndexField.CA_CITATION)),
                SolrHits.string(d, IndexField.RATIONALE));
          }
          rows.flush();
          if (page.getResults().isEmpty() || mark.equals(page.getNextCursorMark())) {
            break;
          }
          mark = page.getNextCursorMark();
        }
        return rows.written();
      }
    };
  }

  @Override
  public void close() throws IOException {
    try {
      collection.close();
    } finally {
      analyzers.close();
    }
  }
}
