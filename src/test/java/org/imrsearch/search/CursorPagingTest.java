package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.Analyzers;
import org.imrsearch.query.QuerySyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code next} cursor pages on the point in time of the page that gave it, so the second page is
 * exact however the index changed in between; once that point in time is let go, the cursor is
 * refused with a reason.
 */
class CursorPagingTest {
  private static final String QUERY = "medically necessary";

  @Test
  void thePageAfterACursorIsThePageOfTheOldPointInTime(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    List<Path> pdfs = TestLetters.realPdfs();
    TestIndex.build(index, pdfs.subList(0, 30));
    try (Analyzers analyzers = Analyzers.load(ConfigSource.bundled());
        IndexSearchers searchers = IndexSearchers.open(index)) {
      SearchService service = service(searchers, analyzers, 0);
      for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
        SearchResult first = service.search(page(sort, 1, null));
        SearchResult secondThen = service.search(page(sort, 2, null));
        assertNotNull(first.next());

        TestIndex.build(index, pdfs.subList(30 + 30 * sort.ordinal(), 60 + 30 * sort.ordinal()));
        searchers.refresh();
        SearchResult secondNow = service.search(page(sort, 2, null));
        assertNotEquals(ids(secondThen), ids(secondNow), "the new letters moved page 2");

        SearchResult second = service.search(page(sort, 1, first.next()));
        assertEquals(ids(secondThen), ids(second), sort.name());
        assertEquals(first.total(), second.total(), "the total of the old point in time");
      }
    }
  }

  @Test
  void aCursorWhosePointInTimeWasLetGoIsRefusedWithAReason(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    List<Path> pdfs = TestLetters.realPdfs();
    TestIndex.build(index, pdfs.subList(0, 20));
    try (Analyzers analyzers = Analyzers.load(ConfigSource.bundled());
        IndexSearchers searchers = IndexSearchers.open(index)) {
      SearchService service = service(searchers, analyzers, 10);
      SearchResult first = service.search(page(SearchRequest.Sort.RELEVANCE, 1, null));
      TestIndex.build(index, pdfs.subList(20, 30));
      searchers.refresh();
      service.search(page(SearchRequest.Sort.RELEVANCE, 1, null)); // pins the new point in time
      searchers.prune(Duration.ZERO);
      ExpiredCursorException expired =
          assertThrows(
              ExpiredCursorException.class,
              () -> service.search(page(SearchRequest.Sort.RELEVANCE, 1, first.next())));
      assertEquals("this result's cursor expired: search again", expired.getMessage());
      assertThrows(
          ExpiredCursorException.class,
          () -> service.search(page(SearchRequest.Sort.RELEVANCE, 1, "r.123456789.1.2")),
          "a point in time that was never pinned");
    }
  }

  private static SearchRequest page(SearchRequest.Sort sort, int page, String after) {
    return new SearchRequest(QUERY, Map.of(), sort, page, 7, after);
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(Hit::decisionId).toList();
  }

  /** The search service over {@code searchers}, caching at most {@code cached} results. */
  private static SearchService service(IndexSearchers searchers, Analyzers analyzers, int cached) {
    return new SearchService(
        searchers,
        new QuerySyntax(analyzers.query()),
        analyzers.index(),
        SearchServices.QUERY_TIMEOUT,
        new ResultCache(cached));
  }
}
