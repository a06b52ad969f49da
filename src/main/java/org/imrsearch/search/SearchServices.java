package org.imrsearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Deadlines;
import org.imrsearch.engine.Engine;
import org.imrsearch.index.Analyzers;
import org.imrsearch.model.Outcome;
import org.imrsearch.original.Original;
import org.imrsearch.original.OriginalFiles;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.rates.Comparison;
import org.imrsearch.rates.DecisionTimes;
import org.imrsearch.rates.Distinctive;
import org.imrsearch.rates.DistinctiveService;
import org.imrsearch.rates.RateService;
import org.imrsearch.rates.RateTable;

/**
 * The embedded engine: everything that reads the index, wired once over one index directory:
 * search, rates, letters, export and health. New commits (an ingest running beside the server)
 * become visible within a second. Closing it releases the index.
 */
public final class SearchServices implements Engine {
  private static final long REFRESH_MILLIS = 1000;

  /** No query may hold a search thread longer than this. */
  public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

  /**
   * How long a point in time stays pageable ({@code next} cursors) after a newer one replaced it:
   * long enough to read a result page by page, short enough that old readers do not pile up.
   */
  public static final Duration CURSOR_LIFETIME = Duration.ofMinutes(10);

  private final IndexSearchers searchers;
  private final Analyzers analyzers;
  private final ScheduledExecutorService refresher;
  private final SearchService search;
  private final RateService rates;
  private final DistinctiveService distinctive;
  private final LetterService letters;
  private final OriginalFiles originals = new OriginalFiles();
  private final PrecedentService precedents;
  private final AddedSinceService addedSince;
  private final ExportService export;
  private final HealthService health;
  private final ResultCache cache;

  private SearchServices(
      IndexSearchers searchers,
      Analyzers analyzers,
      Deadlines deadlines,
      Set<String> boilerplate,
      ObjectMapper mapper,
      ResultCache cache) {
    this.searchers = searchers;
    this.analyzers = analyzers;
    this.cache = cache;
    QuerySyntax syntax = new QuerySyntax(analyzers.query());
    this.search = new SearchService(searchers, syntax, analyzers.index(), QUERY_TIMEOUT, cache);
    this.rates = new RateService(searchers, syntax, QUERY_TIMEOUT, cache, deadlines);
    this.distinctive = new DistinctiveService(searchers, syntax, QUERY_TIMEOUT, boilerplate);
    this.letters = new LetterService(searchers, syntax, analyzers.index(), mapper);
    this.precedents = new PrecedentService(searchers, search, analyzers.index(), QUERY_TIMEOUT);
    this.addedSince = new AddedSinceService(searchers, syntax, search, QUERY_TIMEOUT);
    this.export = new ExportService(searchers, syntax, mapper);
    this.health = new HealthService(searchers, cache);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * The services over {@code index}, caching recent results ({@link ResultCache#DEFAULT_ENTRIES}).
   */
  public static SearchServices open(Path index, ConfigSource config, ObjectMapper mapper)
      throws IOException {
    return open(index, config, mapper, ResultCache.DEFAULT_ENTRIES);
  }

  /**
   * The services over {@code index}, caching at most {@code cachedResults} recent results (0:
   * none).
   */
  public static SearchServices open(
      Path index, ConfigSource config, ObjectMapper mapper, int cachedResults) throws IOException {
    Deadlines deadlines = Deadlines.load(config);
    Set<String> boilerplate = boilerplate(config);
    Analyzers analyzers = Analyzers.load(config);
    try {
      return new SearchServices(
          IndexSearchers.open(index),
          analyzers,
          deadlines,
          boilerplate,
          mapper,
          new ResultCache(cachedResults));
    } catch (IOException | RuntimeException e) {
      analyzers.close();
      throw e;
    }
  }

  /** The letters' formulas that the distinctive terms leave out ({@code index-config}). */
  public static Set<String> boilerplate(ConfigSource config) {
    return config.lines(DistinctiveService.BOILERPLATE_FILE).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private void refreshQuietly() {
    try {
      searchers.refresh();
      searchers.prune(CURSOR_LIFETIME);
    } catch (IOException | RuntimeException e) {
      // The next tick tries again; searches keep using the last good reader meanwhile.
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
  public LetterView letter(String id, String query) throws IOException {
    return letters.letter(id, query);
  }

  @Override
  public Original original(String id) throws IOException {
    return originals.read(id, letters.sourceFile(id));
  }

  @Override
  public List<Hit> similar(String id, int decision, Outcome outcome) throws IOException {
    return letters.similar(id, decision, outcome);
  }

  @Override
  public Precedents precedents(PrecedentRequest request) throws IOException {
    return precedents.find(request);
  }

  @Override
  public List<AddedDecision> addedSince(
      String query, Map<Filter, List<String>> filters, Instant since, int limit)
      throws IOException {
    return addedSince.addedSince(query, filters, since, limit);
  }

  @Override
  public RateTable rates(String query, Map<Filter, List<String>> filters, List<Filter> by)
      throws IOException {
    return rates.rates(query, filters, by);
  }

  @Override
  public Comparison compare(
      String query,
      Map<Filter, List<String>> filters,
      Map<Filter, List<String>> a,
      Map<Filter, List<String>> b)
      throws IOException {
    return rates.compare(query, filters, a, b);
  }

  @Override
  public DecisionTimes times(String query, Map<Filter, List<String>> filters, Filter by)
      throws IOException {
    return rates.times(query, filters, by);
  }

  @Override
  public Distinctive distinctive(String query, Map<Filter, List<String>> filters, String against)
      throws IOException {
    return distinctive.distinctive(query, filters, against);
  }

  @Override
  public IndexHealth health() throws IOException {
    return health.health();
  }

  @Override
  public ExportService.Export export(
      String query,
      Map<Filter, List<String>> filters,
      ExportService.Format format,
      long limit,
      String siteUrl)
      throws IOException {
    return export.prepare(query, filters, format, limit, siteUrl);
  }

  public ResultCache.Stats cacheStats() {
    return cache.stats();
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      searchers.close();
    } finally {
      analyzers.close();
    }
  }
}
