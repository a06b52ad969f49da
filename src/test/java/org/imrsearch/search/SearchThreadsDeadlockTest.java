package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.IndexSearcher;
import org.imrsearch.TestIndex;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Json;
import org.imrsearch.query.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadlock {@link SearchThreads} rules out: many more searches at once than there are segment
 * threads, with filters (so drill sideways runs its searches side by side and counts in the
 * background), broad ones whose hits are counted from bit sets and narrow ones counted by Lucene's
 * concurrent counts (which wait on segment tasks without running them). Every one must finish under
 * the services' time limit with the right total.
 */
class SearchThreadsDeadlockTest {
  @TempDir static Path dir;
  static SearchServices services;
  static TestIndex.Opened index;

  @BeforeAll
  static void indexSixHundredSyntheticLetters() throws Exception {
    Path built = TestIndex.buildGenerated(dir, 5, 600);
    services = SearchServices.open(built, ConfigSource.bundled(), Json.newMapper(), 0);
    index = TestIndex.open(built);
  }

  @AfterAll
  static void close() throws Exception {
    services.close();
    index.close();
  }

  /** Broad queries (most decisions) and narrow ones (a few percent). */
  private static final List<String> QUERIES =
      List.of("the", "acupuncture", "the OR medical", "opioid", "is -knee");

  @Test
  void manyMoreConcurrentFilteredSearchesThanThreadsAllFinishWithTheRightTotals() throws Exception {
    List<SearchRequest> requests = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    List<Map<Filter, List<String>>> selections =
        List.of(
            Map.of(Filter.OUTCOME, List.of("upheld")),
            Map.of(Filter.OUTCOME, List.of("upheld", "overturned"), Filter.YEAR, List.of("2020")),
            Map.of(Filter.SEX, List.of("female")),
            Map.of());
    int searches = 8 * Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < searches; i++) {
      String q = QUERIES.get(i % QUERIES.size());
      Map<Filter, List<String>> filters = selections.get(i % selections.size());
      SearchRequest.Sort sort = SearchRequest.Sort.values()[i % 2];
      requests.add(new SearchRequest(q, filters, sort, 1, 20, null));
      expected.add(count(q, filters));
    }
    long maxDoc = index.reader().maxDoc();
    assertTrue(expected.stream().anyMatch(n -> n * 32 >= maxDoc), "some broad: " + expected);
    assertTrue(expected.stream().anyMatch(n -> n * 32 < maxDoc), "some narrow: " + expected);

    List<Long> totals =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> {
              // Platform threads, as the web server's are: each blocks until its search is done.
              ExecutorService clients = Executors.newFixedThreadPool(searches);
              try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SearchResult>> results = new ArrayList<>();
                for (SearchRequest request : requests) {
                  results.add(
                      clients.submit(
                          () -> {
                            start.await();
                            return services.search(request);
                          }));
                }
                start.countDown();
                List<Long> out = new ArrayList<>();
                for (Future<SearchResult> result : results) {
                  out.add(result.get().total()); // a search past the 2 s limit throws here
                }
                return out;
              } finally {
                clients.shutdownNow();
              }
            });
    assertEquals(expected, totals);
    assertTrue(services.health().facetBitSetBytes() > 0, "the hits were counted from bit sets");
  }

  private static long count(String q, Map<Filter, List<String>> filters) throws Exception {
    IndexSearcher searcher = index.searcher();
    DrillDownQuery query =
        Filter.drillDown(Schema.facetsConfig(), index.syntax().parse(q, searcher), filters);
    return searcher.count(query);
  }
}
