package org.imrsearch.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Deadlines;
import org.imrsearch.engine.Engine;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Outcome;
import org.imrsearch.original.Original;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.rates.Comparison;
import org.imrsearch.rates.DecisionTimes;
import org.imrsearch.rates.Distinctive;
import org.imrsearch.rates.RateTable;
import org.imrsearch.search.AddedDecision;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.FacetGroup;
import org.imrsearch.search.Hit;
import org.imrsearch.search.IndexHealth;
import org.imrsearch.search.LetterView;
import org.imrsearch.search.PrecedentRequest;
import org.imrsearch.search.Precedents;
import org.imrsearch.search.ResultCache;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchResult;
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

  private final SolrCollection collection;
  private final SolrRequests requests;
  private final SolrStats stats;
  private final Analyzers analyzers;
  private final SolrSearch search;
  private final SolrLetters letters;
  private final SolrPrecedents precedents;

  private SolrEngine(
      SolrCollection collection,
      Analyzers analyzers,
      Deadlines deadlines,
      ObjectMapper mapper,
      Set<String> boilerplate) {
    this.collection = collection;
    this.analyzers = analyzers;
    QuerySyntax syntax = new QuerySyntax(analyzers.query());
    this.requests = new SolrRequests(collection, syntax, mapper, SearchServices.QUERY_TIMEOUT);
    this.stats = new SolrStats(requests, deadlines, boilerplate);
    SolrHits hits = new SolrHits();
    this.search = new SolrSearch(requests, hits);
    this.letters = new SolrLetters(requests, syntax, analyzers.index(), mapper);
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
  public SearchResult search(SearchRequest request) throws IOException {
    return search.search(request);
  }

  @Override
  public FacetGroup facetValues(
      SearchRequest request, Filter facet, String path, String contains, int limit)
      throws IOException {
    return search.facetValues(request, facet, path, contains, limit);
  }

  @Override
  public List<AddedDecision> addedSince(
      String query, Map<Filter, List<String>> filters, Instant since, int limit)
      throws IOException {
    return search.addedSince(query, filters, since, limit);
  }

  @Override
  public LetterView letter(String id, String query) throws IOException {
    return letters.letter(id, query);
  }

  @Override
  public Original original(String id) throws IOException {
    return letters.original(id);
  }

  @Override
  public List<Hit> similar(String id, int decision, Outcome outcome) throws IOException {
    return letters.similar(id, decision, outcome);
  }

  @Override
  public ExportService.Export export(
      String query,
      Map<Filter, List<String>> filters,
      ExportService.Format format,
      long limit,
      String siteUrl)
      throws IOException {
    return letters.export(query, filters, format, limit, siteUrl);
  }

  @Override
  public Precedents precedents(PrecedentRequest request) throws IOException {
    return precedents.find(request);
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
  public void close() throws IOException {
    try {
      collection.close();
    } finally {
      analyzers.close();
    }
  }
}
