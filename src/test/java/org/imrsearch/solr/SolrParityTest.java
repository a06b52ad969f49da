package org.imrsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.engine.Engine;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.model.Json;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.Hit;
import org.imrsearch.search.PrecedentRequest;
import org.imrsearch.search.Precedents;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchResult;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The API's answers from both engines on the same real letters: the embedded index and a SolrCloud
 * collection of two shards with two replicas each. Totals, every facet count (with several filters
 * selected), rate tables with their intervals and tests, two-way tables, comparisons, decision
 * times, distinctive terms, letters, exports and 400s are the same.
 *
 * <p>What may differ, and what must still hold: relevance scores (Solr's statistics are per shard),
 * so hits are compared as the set of every page, not in order; highlight passages, which must mark
 * the same words and escape everything else; similar decisions, which must never come from the
 * letter itself and must keep the outcome asked for.
 */
@ResourceLock(SharedSolr.LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrParityTest {
  private static final String HOSTILE =
      """
      HOW THE IMR FINAL DETERMINATION WAS MADE
      Case Number: CM99-0000001
      Date of UR Decision: 01/02/2016
      Physical therapy <script>alert(1)</script>: Upheld
      Claims Administrator guideline: Decision based on MTUS.
      MAXIMUS guideline: Decision based on MTUS Chronic Pain.
      Rationale for the Decision: Physical therapy <b>is</b> "not" medically necessary & the
      functional improvement <img src=x onerror=alert(1)> was not shown.
      """;

  private final ObjectMapper mapper = Json.newMapper();
  private Engine embedded;
  private Engine solr;
  private IngestReport solrIngest;

  @BeforeAll
  void bothEngines(@TempDir Path dir) throws IOException, InterruptedException {
    Path hostile = Files.writeString(dir.resolve("hostile.txt"), HOSTILE);
    List<Path> inputs = List.of(TestLetters.REAL_PDFS, TestLetters.SEED_LETTERS, hostile);
    TestIndex.build(dir.resolve("index"), inputs);
    embedded = SearchServices.open(dir.resolve("index"), ConfigSource.bundled(), mapper, 0);
    solrIngest = SharedSolr.ingest("parity", 2, 2, inputs);
    solr = SolrEngine.open(SharedSolr.options("parity"), ConfigSource.bundled(), mapper);
  }

  @AfterAll
  void close() throws IOException {
    if (solr != null) {
      solr.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  private static final List<String> QUERIES =
      List.of(
          "",
          "\"functional improvement\"",
          "\"objective functional improvement\"~2",
          "acupuncture",
          "mri -lumbar",
          "tramadol OR norco",
          "inject*",
          "acupunture~",
          "pt",
          "summary:knee",
          "letter:\"physical therapy\"",
          "item:mri AND rationale:guidelines",
          "guidelines:odg",
          "date:2016",
          "date:[2016-12-01 TO 2017-01-31]",
          "specialty:\"family practice\"",
          "outcome:overturned",
          "\"knee (left\"",
          "case:cm16-0213037",
          "zzzzqqq",
          "acupunture",
          "physcial therapy",
          "accupuncture OR chiropratic");

  private static final List<Map<Filter, List<String>>> FILTERS =
      List.of(
          Map.of(),
          Map.of(Filter.OUTCOME, List.of("overturned")),
          Map.of(
              Filter.SPECIALTY,
              List.of("family practice", "Internal Medicine"),
              Filter.GUIDELINE,
              List.of("MTUS")),
          Map.of(Filter.CITATION, List.of("MTUS")),
          Map.of(Filter.CITATION, List.of("MTUS/Chronic Pain Medical Treatment Guidelines")),
          Map.of(Filter.YEAR, List.of("2016", "2017"), Filter.TREATMENT, List.of("Imaging")));

  @Test
  void bothEnginesTookTheSameLetters() throws IOException {
    assertTrue(solrIngest.allIndexed(), solrIngest.failed().toString());
    assertEquals(embedded.health().letters(), solr.health().letters());
    assertEquals(embedded.health().decisions(), solr.health().decisions());
  }

  @Test
  void searchesHaveTheSameTotalsFacetsAndMatches() throws IOException {
    for (String q : QUERIES) {
      for (Map<Filter, List<String>> filters : FILTERS) {
        String what = "q=" + q + " filters=" + filters;
        SearchRequest request =
            new SearchRequest(q, filters, SearchRequest.Sort.RELEVANCE, 1, 100, null);
        SearchResult e = embedded.search(request);
        SearchResult s = solr.search(request);
        assertEquals(e.total(), s.total(), what);
        assertEquals(tree(e.facets()), tree(s.facets()), what);
        assertEquals(allMatches(embedded, request), allMatches(solr, request), what);
        assertEquals(tree(e.help()), tree(s.help()), what);
      }
    }
  }

  @Test
  void didYouMeanCorrectsTheSameWords() throws IOException {
    SearchResult s = solr.search(SearchRequest.of("physcial therapy for acupunture"));
    assertEquals(0, s.total());
    assertEquals(
        embedded.search(SearchRequest.of("physcial therapy for acupunture")).help(), s.help());
    assertEquals("physical therapy for acupuncture", s.help().didYouMean());
  }

  @Test
  void newestFirstIsTheSameOrderOfDates() throws IOException {
    for (Map<Filter, List<String>> filters : FILTERS) {
      SearchRequest request = new SearchRequest("", filters, SearchRequest.Sort.DATE, 1, 50, null);
      assertEquals(
          embedded.search(request).hits().stream().map(Hit::decisionDate).toList(),
          solr.search(request).hits().stream().map(Hit::decisionDate).toList(),
          filters.toString());
    }
  }

  @Test
  void theCursorOfANumberedPageGoesOnToTheNextPage() throws IOException {
    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      SearchRequest third = new SearchRequest("therapy", Map.of(), sort, 3, 10, null);
      SearchResult page3 = solr.search(third);
      assertNotNull(page3.next(), sort.name());
      SearchResult page4 =
          solr.search(new SearchRequest("therapy", Map.of(), sort, 1, 10, page3.next()));
      assertEquals(
          solr.search(new SearchRequest("therapy", Map.of(), sort, 4, 10, null)).hits().stream()
              .map(Hit::decisionId)
              .toList(),
          page4.hits().stream().map(Hit::decisionId).toList(),
          sort.name());
    }
  }

  @Test
  void pagingWithTheNextCursorWalksEveryMatchOnce() throws IOException {
    SearchRequest first = new SearchRequest("", Map.of(), SearchRequest.Sort.DATE, 1, 40, null);
    SearchResult page = solr.search(first);
    Set<String> seen = new HashSet<>();
    page.hits().forEach(h -> assertTrue(seen.add(h.decisionId()), h.decisionId()));
    while (page.next() != null) {
      page =
          solr.search(new SearchRequest("", Map.of(), SearchRequest.Sort.DATE, 1, 40, page.next()));
      page.hits().forEach(h -> assertTrue(seen.add(h.decisionId()), h.decisionId()));
    }
    assertEquals(solr.search(first).total(), seen.size());
    BadRequestException bad =
        assertThrows(
            BadRequestException.class,
            () ->
                solr.search(
                    new SearchRequest("", Map.of(), SearchRequest.Sort.DATE, 1, 40, "garbage")));
    assertTrue(bad.getMessage().contains("next"), bad.getMessage());
  }

  private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

  @Test
  void highlightsMarkTheSameWordsAndEscapeEverythingElse() throws IOException {
    for (String q : List.of("\"functional improvement\"", "physical therapy", "acupuncture")) {
      SearchRequest request =
          new SearchRequest(q, Map.of(), SearchRequest.Sort.RELEVANCE, 1, 100, null);
      Map<String, Set<String>> e = markedWords(embedded.search(request));
      Map<String, Set<String>> s = markedWords(solr.search(request));
      assertEquals(e.keySet(), s.keySet(), q);
      for (String id : e.keySet()) {
        assertFalse(s.get(id).isEmpty(), q + ": nothing marked in " + id);
        assertTrue(
            e.get(id).containsAll(s.get(id)) || s.get(id).containsAll(e.get(id)), q + " " + id);
      }
      for (Hit h : solr.search(request).hits()) {
        for (String passage : h.passages()) {
          String bare = passage.replace("<mark>", "").replace("</mark>", "");
          assertFalse(bare.contains("<"), "unescaped markup in " + passage);
        }
      }
    }
  }

  private static Map<String, Set<String>> markedWords(SearchResult result) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Hit h : result.hits()) {
      Set<String> words = new HashSet<>();
      for (String passage : h.passages()) {
        Matcher m = MARKED.matcher(passage);
        while (m.find()) {
          words.add(m.group(1).toLowerCase());
        }
      }
      if (!words.isEmpty()) {
        out.put(h.decisionId(), words);
      }
    }
    return out;
  }

  @Test
  void rateTablesAgreeForEveryGroupingAndTwoWay() throws IOException {
    List<List<Filter>> groupings = new ArrayList<>();
    for (Filter f : Filter.values()) {
      groupings.add(List.of(f));
    }
    groupings.add(List.of(Filter.GUIDELINE, Filter.YEAR));
    groupings.add(List.of(Filter.SPECIALTY, Filter.OUTCOME));
    groupings.add(List.of(Filter.CITATION, Filter.SPECIALTY));
    groupings.add(List.of(Filter.YEAR, Filter.MONTH));
    for (List<Filter> by : groupings) {
      for (String q : List.of("", "therapy")) {
        for (Map<Filter, List<String>> filters : FILTERS.subList(0, 3)) {
          assertEquals(
              SharedSolr.untimed(mapper, embedded.rates(q, filters, by)),
              SharedSolr.untimed(mapper, solr.rates(q, filters, by)),
              by + " q=" + q + " " + filters);
        }
      }
    }
  }

  @Test
  void comparisonsTimesAndDistinctiveTermsAgree() throws IOException {
    Map<Filter, List<String>> mtus = Map.of(Filter.GUIDELINE, List.of("MTUS"));
    Map<Filter, List<String>> odg = Map.of(Filter.GUIDELINE, List.of("ODG"));
    assertEquals(
        SharedSolr.untimed(mapper, embedded.compare("", Map.of(), mtus, odg)),
        SharedSolr.untimed(mapper, solr.compare("", Map.of(), mtus, odg)));
    assertEquals(
        SharedSolr.untimed(
            mapper,
            embedded.compare("therapy", Map.of(), mtus, Map.of(Filter.YEAR, List.of("2016")))),
        SharedSolr.untimed(
            mapper, solr.compare("therapy", Map.of(), mtus, Map.of(Filter.YEAR, List.of("2016")))));
    for (Filter by :
        new Filter[] {null, Filter.PRIORITY, Filter.SPECIALTY, Filter.MONTH, Filter.CITATION}) {
      assertEquals(
          SharedSolr.untimed(mapper, embedded.times("", Map.of(), by)),
          SharedSolr.untimed(mapper, solr.times("", Map.of(), by)),
          "" + by);
    }
    for (String against : List.of("outcome", "all")) {
      assertEquals(
          SharedSolr.untimed(mapper, embedded.distinctive("", Map.of(), against)),
          SharedSolr.untimed(mapper, solr.distinctive("", Map.of(), against)),
          against);
    }
  }

  @Test
  void facetValuesAgree() throws IOException {
    SearchRequest request = SearchRequest.of("therapy");
    assertEquals(
        tree(embedded.facetValues(request, Filter.SPECIALTY, "", "", 200)),
        tree(solr.facetValues(request, Filter.SPECIALTY, "", "", 200)));
    assertEquals(
        tree(embedded.facetValues(request, Filter.SPECIALTY, "", "med", 3)),
        tree(solr.facetValues(request, Filter.SPECIALTY, "", "med", 3)));
    assertEquals(
        tree(embedded.facetValues(SearchRequest.of(""), Filter.CITATION, "MTUS", "", 200)),
        tree(solr.facetValues(SearchRequest.of(""), Filter.CITATION, "MTUS", "", 200)));
  }

  @Test
  void lettersAreTheSameAndSimilarDecisionsKeepTheirPromises() throws IOException {
    SearchRequest all = new SearchRequest("", Map.of(), SearchRequest.Sort.DATE, 1, 100, null);
    List<String> ids =
        embedded.search(all).hits().stream().map(Hit::letterId).distinct().limit(12).toList();
    for (String id : ids) {
      assertEquals(tree(embedded.letter(id, null)), tree(solr.letter(id, null)), id);
      assertEquals(tree(embedded.letter(id, "therapy")), tree(solr.letter(id, "therapy")), id);
      assertEquals(tree(embedded.original(id)), tree(solr.original(id)), id);
      for (Outcome outcome : new Outcome[] {null, Outcome.OVERTURNED}) {
        List<Hit> similar = solr.similar(id, 0, outcome);
        assertEquals(embedded.similar(id, 0, outcome).isEmpty(), similar.isEmpty(), id);
        for (Hit h : similar) {
          assertFalse(h.letterId().equals(id), "a letter is not similar to itself");
          if (outcome != null) {
            assertEquals(outcome.label(), h.outcome());
          }
        }
      }
    }
  }

  @Test
  void precedentsWeighTheSameWordsAndKeepTheirPromises() throws IOException {
    for (String text :
        List.of(
            "lumbar epidural steroid injection L4-5, radiculopathy on MRI, failed 6 weeks of PT",
            "acupuncture for chronic neck pain, 6 sessions")) {
      for (Map<Filter, List<String>> filters : FILTERS.subList(0, 3)) {
        PrecedentRequest request =
            new PrecedentRequest(text, filters, PrecedentRequest.Order.OVERTURNED_FIRST, 10);
        Precedents e = embedded.precedents(request);
        Precedents s = solr.precedents(request);
        // The words and their weights come from document frequencies, the same on both.
        assertEquals(
            e.terms().stream().map(t -> t.field() + ":" + t.term()).toList(),
            s.terms().stream().map(t -> t.field() + ":" + t.term()).toList(),
            text);
        // Scores are Solr's per shard: the same decisions need not come in the same order, but
        // the closest half of the embedded engine's are among Solr's.
        List<String> ids = s.precedents().stream().map(p -> p.decision().decisionId()).toList();
        e.precedents().stream()
            .limit(e.precedents().size() / 2)
            .forEach(p -> assertTrue(ids.contains(p.decision().decisionId()), text + " " + p));
        assertEquals(e.precedents().size(), s.precedents().size(), text);
        for (Precedents.Precedent p : s.precedents()) {
          assertTrue(s.terms().containsAll(p.why()), "why names weighed words only");
        }
      }
    }
  }

  @Test
  void aSavedSearchFeedHasTheSameDecisions() throws IOException {
    for (String q : List.of("", "therapy")) {
      assertEquals(
          embedded.addedSince(q, FILTERS.get(2), Instant.EPOCH, 500).stream()
              .map(a -> a.decision().decisionId())
              .collect(Collectors.toSet()),
          solr.addedSince(q, FILTERS.get(2), Instant.EPOCH, 500).stream()
              .map(a -> a.decision().decisionId())
              .collect(Collectors.toSet()),
          q);
    }
  }

  @Test
  void exportsHaveTheSameRows() throws IOException {
    for (ExportService.Format format : ExportService.Format.values()) {
      for (Map<Filter, List<String>> filters : FILTERS.subList(0, 3)) {
        assertEquals(
            sortedLines(embedded.export("therapy", filters, format, Long.MAX_VALUE, "")),
            sortedLines(solr.export("therapy", filters, format, Long.MAX_VALUE, "")),
            format + " " + filters);
      }
    }
  }

  private static List<String> sortedLines(ExportService.Export export) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.writeTo(out);
    return out.toString(StandardCharsets.UTF_8).lines().sorted().toList();
  }

  @Test
  void badRequestsAreTheSame400s() {
    for (String q :
        List.of(
            "\"unclosed",
            "foo:bar",
            "(a",
            "a*",
            "ab~",
            "/reg/",
            "specialty:inj*",
            "x".repeat(2001))) {
      String e = message(() -> embedded.search(SearchRequest.of(q)));
      String s = message(() -> solr.search(SearchRequest.of(q)));
      assertEquals(e, s, q);
    }
    assertEquals(
        message(() -> embedded.rates("", Map.of(), List.of())),
        message(() -> solr.rates("", Map.of(), List.of())));
    assertEquals(
        message(() -> embedded.compare("", Map.of(), Map.of(), Map.of())),
        message(() -> solr.compare("", Map.of(), Map.of(), Map.of())));
    assertEquals(
        message(() -> embedded.export("(", Map.of(), ExportService.Format.CSV, 10, "")),
        message(() -> solr.export("(", Map.of(), ExportService.Format.CSV, 10, "")));
  }

  private interface Call {
    Object run() throws IOException;
  }

  private static String message(Call call) {
    BadRequestException e = assertThrows(BadRequestException.class, call::run);
    assertNotNull(e.getMessage());
    return e.getMessage();
  }

  /** Every decision id a request matches, over all its pages. */
  private static Set<String> allMatches(Engine engine, SearchRequest first) throws IOException {
    Set<String> ids = new HashSet<>();
    for (int page = 1; ; page++) {
      SearchResult r =
          engine.search(
              new SearchRequest(
                  first.query(), first.filters(), first.sort(), page, first.size(), null));
      r.hits().forEach(h -> ids.add(h.decisionId()));
      if (r.hits().size() < first.size()) {
        return ids;
      }
    }
  }

  private JsonNode tree(Object value) {
    return mapper.valueToTree(value);
  }
}
