package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.imrsearch.TestIndex;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Json;
import org.imrsearch.query.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results with more hits than a page collector counts exactly (1,000): the total is still exact,
 * the page is the one an exhaustive ranking gives, by relevance and by date, with filters selected
 * every facet value counts what Lucene counts for it directly, and the time limit holds with and
 * without filters.
 */
class LargeResultTest {
  @TempDir static Path dir;
  static SearchServices services;
  static TestIndex.Opened index;

  @BeforeAll
  static void indexSixHundredSyntheticLetters() throws Exception {
    Path built = TestIndex.buildGenerated(dir, 3, 600);
    services = SearchServices.open(built, ConfigSource.bundled(), Json.newMapper(), 0);
    index = TestIndex.open(built);
  }

  @AfterAll
  static void close() throws Exception {
    services.close();
    index.close();
  }

  @Test
  void totalsPastTheCollectorsExactCountAreExact() throws Exception {
    for (String q : List.of("", "the", "the OR medical", "is -knee")) {
      int exact = index.searcher().count(index.syntax().parse(q, index.searcher()));
      assertTrue(exact > 1000, q + " has " + exact + " hits: too few to test past the threshold");
      for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
        SearchResult result = services.search(new SearchRequest(q, Map.of(), sort, 1, 20, null));
        assertEquals(exact, result.total(), q + " sorted by " + sort);
      }
    }
  }

  @Test
  void thePageIsTheOneAnExhaustiveRankingGives() throws Exception {
    for (String q : List.of("the", "is -knee", "physical therapy")) {
      for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
        for (int page : List.of(1, 3)) {
          SearchResult result =
              services.search(new SearchRequest(q, Map.of(), sort, page, 20, null));
          assertEquals(
              exhaustive(q, sort, page, 20),
              result.hits().stream().map(Hit::decisionId).toList(),
              q + " by " + sort + " page " + page);
        }
      }
    }
  }

  @Test
  void withTwoFiltersEachFacetCountsAsIfOnlyItsOwnSelectionWereOff() throws Exception {
    String q = "the";
    Map<Filter, List<String>> filters =
        Map.of(Filter.OUTCOME, List.of("upheld"), Filter.YEAR, List.of("2020"));
    SearchResult result =
        services.search(new SearchRequest(q, filters, SearchRequest.Sort.RELEVANCE, 1, 20, null));
    assertEquals(count(q, Map.of(Filter.OUTCOME, "upheld", Filter.YEAR, "2020")), result.total());
    for (FacetGroup group : result.facets()) {
      Filter filter = Filter.parse(group.name());
      for (FacetGroup.Value value : group.values()) {
        Map<Filter, String> selection =
            new HashMap<>(Map.of(Filter.OUTCOME, "upheld", Filter.YEAR, "2020"));
        selection.put(filter, value.value()); // its own selection off, this value instead
        assertEquals(count(q, selection), value.count(), group.name() + "=" + value.value());
      }
    }
    assertTrue(
        result.facets().stream()
                .filter(g -> g.name().equals("year"))
                .findFirst()
                .orElseThrow()
                .values()
                .size()
            > 1,
        "the year facet still offers the other years");
  }

  @Test
  void aSearchPastItsTimeLimitIsRefusedWithOrWithoutFilters() throws Exception {
    try (IndexSearchers searchers = IndexSearchers.open(dir.resolve("index"))) {
      SearchService noTime =
          new SearchService(
              searchers,
              index.syntax(),
              index.analyzers().index(),
              Duration.ZERO,
              new ResultCache(0));
      for (Map<Filter, List<String>> filters :
          List.of(Map.<Filter, List<String>>of(), Map.of(Filter.YEAR, List.of("2020")))) {
        TimeLimitException refused =
            assertThrows(
                TimeLimitException.class,
                () ->
                    noTime.search(
                        new SearchRequest(
                            "the OR medical", filters, SearchRequest.Sort.RELEVANCE, 1, 20, null)));
        assertTrue(refused.getMessage().contains("longer than the limit"), refused.getMessage());
      }
    }
  }

  /**
   * Decisions that match {@code q} and have every given facet value, counted by Lucene directly.
   */
  private static long count(String q, Map<Filter, String> selection) throws Exception {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder()
            .add(index.syntax().parse(q, index.searcher()), BooleanClause.Occur.MUST);
    FacetsConfig config = Schema.facetsConfig();
    for (Map.Entry<Filter, String> e : selection.entrySet()) {
      DrillDownQuery one = new DrillDownQuery(config);
      one.add(e.getKey().dim(), e.getKey().path(e.getValue()));
      query.add(one, BooleanClause.Occur.FILTER);
    }
    return index.searcher().count(query.build());
  }

  /** The decision ids of page {@code page}, every hit scored or sorted. */
  private static List<String> exhaustive(String q, SearchRequest.Sort sort, int page, int size)
      throws Exception {
    int wanted = page * size;
    TopDocs top =
        sort == SearchRequest.Sort.DATE
            ? index
                .searcher()
                .search(
                    index.syntax().parse(q, index.searcher()),
                    new TopFieldCollectorManager(
                        SearchService.newestFirst(), wanted, null, Integer.MAX_VALUE))
            : index
                .searcher()
                .search(
                    index.syntax().parse(q, index.searcher()),
                    new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
    List<String> ids = new ArrayList<>();
    ScoreDoc[] docs = top.scoreDocs;
    for (int i = (page - 1) * size; i < docs.length; i++) {
      ids.add(
          index
              .searcher()
              .storedFields()
              .document(docs[i].doc)
              .get(IndexField.DECISION_ID.fieldName()));
    }
    return ids;
  }
}
