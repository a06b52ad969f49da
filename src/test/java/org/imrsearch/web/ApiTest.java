package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.LetterDocuments;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.imrsearch.rates.Proportions;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON API over an index of the 144 real letters (plus one letter full of hostile markup),
 * checked against direct computations on the extracted records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
  private static final String HOSTILE =
      """
      Case Number: CM99-0000001
      Date Assigned: 01/03/2017 Date of Injury: 01/01/2016
      Decision Date: 02/01/2017 UR Denial Date: 12/01/2016
      Priority: Standard

      HOW THE IMR FINAL DETERMINATION WAS MADE
      State(s) of Licensure: California
      Certification(s)/Specialty: Family Practice

      CLINICAL CASE SUMMARY
      The injured worker is a 40 year old female <img src=x onerror=alert(1)>.

      IMR ISSUES, DECISIONS AND RATIONALES

      <script>alert(1)</script> acupuncture sessions: Upheld

      Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.

      MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.

      Decision rationale: Acupuncture <script>alert("x")</script> is not supported; see <a href="javascript:alert(1)">this</a>.
      Therefore the request is not medically necessary.
      """;

  private final ObjectMapper mapper = Json.newMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private List<Letter> letters;
  private SearchServices services;
  private WebServer server;
  private Analyzers analyzers;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException, InterruptedException {
    Path hostile = Files.writeString(dir.resolve("hostile.txt"), HOSTILE);
    // The seed letters are older and some of their decisions are undated.
    letters =
        TestIndex.build(
            dir.resolve("index"),
            List.of(TestLetters.REAL_PDFS, TestLetters.SEED_LETTERS, hostile));
    analyzers = Analyzers.load(ConfigSource.bundled());
    services = SearchServices.open(dir.resolve("index"), ConfigSource.bundled(), mapper);
    server = new WebServer(services, mapper).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    services.close();
    analyzers.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = get(pathAndQuery);
    assertEquals(200, response.statusCode(), () -> pathAndQuery + " -> " + response.body());
    return mapper.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private List<Decision> decisions() {
    return letters.stream().flatMap(l -> l.decisions().stream()).toList();
  }

  /** The decision ids the API returns for a query, all pages. */
  private Set<String> allIds(String query) throws IOException, InterruptedException {
    Set<String> ids = new HashSet<>();
    for (int page = 1; ; page++) {
      JsonNode result = json("/api/search?size=100&page=" + page + "&q=" + enc(query));
      result.get("hits").forEach(h -> ids.add(h.get("decisionId").asText()));
      if (page * 100 >= result.get("total").asLong()) {
        return ids;
      }
    }
  }

  private List<String> tokens(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzers.index().tokenStream("rationale", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "objective functional improvement",
        "red flag",
        "home exercise program",
        "not medically necessary"
      })
  void aPhraseFindsExactlyTheDecisionsWhoseRationaleOrItemHoldsIt(String phrase)
      throws IOException, InterruptedException {
    List<String> wanted = tokens(phrase);
    Set<String> expected = new HashSet<>();
    for (Letter l : letters) {
      for (int i = 0; i < l.decisions().size(); i++) {
        Decision d = l.decisions().get(i);
        if (Collections.indexOfSubList(tokens(d.rationale()), wanted) >= 0
            || Collections.indexOfSubList(tokens(d.item()), wanted) >= 0) {
          expected.add(l.id() + "#" + (i + 1));
        }
      }
    }
    assertFalse(expected.isEmpty(), "the phrase should occur in the sample letters");
    assertEquals(expected, allIds("\"" + phrase + "\""));
  }

  /** The ids of every decision of the letters for which {@code matches} holds. */
  private Set<String> decisionsOfLettersWhere(Predicate<Letter> matches) {
    Set<String> ids = new HashSet<>();
    for (Letter l : letters) {
      if (matches.test(l)) {
        for (int i = 0; i < l.decisions().size(); i++) {
          ids.add(l.id() + "#" + (i + 1));
        }
      }
    }
    return ids;
  }

  private boolean holds(String text, List<String> wanted) {
    try {
      return text != null && Collections.indexOfSubList(tokens(text), wanted) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lumbar spine", "opioid", "sleep hygiene"})
  void aLetterPhraseFindsEveryDecisionOfEachLetterHoldingItAnywhere(String phrase)
      throws IOException, InterruptedException {
    List<String> wanted = tokens(phrase);
    Set<String> expected =
        decisionsOfLettersWhere(
            l ->
                holds(l.caseSummary(), wanted)
                    || l.decisions().stream()
                        .anyMatch(
                            d ->
                                holds(d.rationale(), wanted)
                                    || holds(d.item(), wanted)
                                    || holds(d.claimsAdministratorGuideline().text(), wanted)
                                    || holds(d.reviewerGuideline().text(), wanted)));
    assertFalse(expected.isEmpty(), "the phrase should occur in the sample letters");
    assertEquals(expected, allIds("letter:\"" + phrase + "\""));
  }

  @Test
  void aSummaryPhraseFindsEveryDecisionOfEachLetterWhoseSummaryHoldsIt()
      throws IOException, InterruptedException {
    List<String> wanted = tokens("industrial injury");
    Set<String> expected = decisionsOfLettersWhere(l -> holds(l.caseSummary(), wanted));
    assertFalse(expected.isEmpty(), "the phrase should occur in the sample summaries");
    assertEquals(expected, allIds("summary:\"industrial injury\""));
  }

  @Test
  void aRepeatedSearchIsServedFromTheCacheWithTheSameAnswer()
      throws IOException, InterruptedException {
    String request = "/api/search?q=" + enc("\"home exercise program\"") + "&outcome=upheld&size=7";
    JsonNode first = json(request);
    JsonNode again = json(request);
    assertFalse(first.get("cached").asBoolean());
    assertTrue(again.get("cached").asBoolean());
    assertEquals(first.get("hits"), again.get("hits"));
    assertEquals(first.get("facets"), again.get("facets"));
    assertFalse(
        json(request + "&page=2").get("cached").asBoolean(), "another page is another request");
  }

  @Test
  void highlightsThePhraseInPassages() throws IOException, InterruptedException {
    JsonNode hit =
        json("/api/search?q=" + enc("\"objective functional improvement\"")).get("hits").get(0);
    assertTrue(
        hit.get("passages")
            .get(0)
            .asText()
            .contains("<mark>objective functional improvement</mark>"),
        hit.toString());
  }

  @Test
  void specialtyAndOutcomeFacetCountsEqualCountsFromTheRecords()
      throws IOException, InterruptedException {
    Map<String, Long> specialty = new TreeMap<>();
    Map<String, Long> outcome = new TreeMap<>();
    for (Letter l : letters) {
      l.reviewer()
          .specialties()
          .forEach(s -> specialty.merge(s, (long) l.decisions().size(), Long::sum));
      l.decisions().forEach(d -> outcome.merge(d.outcome().label(), 1L, Long::sum));
    }
    JsonNode result = json("/api/search?size=1");
    assertEquals(decisions().size(), result.get("total").asLong());
    Map<String, Long> shownSpecialty = facet(result, "specialty");
    shownSpecialty.forEach((value, count) -> assertEquals(specialty.get(value), count, value));
    assertEquals(Math.min(20, specialty.size()), shownSpecialty.size());
    assertEquals(outcome, facet(result, "outcome"));
  }

  @Test
  void twoSelectedSpecialtiesShowDecisionsOfEitherAndKeepTheirOwnCounts()
      throws IOException, InterruptedException {
    String a = "Family Practice";
    String b = "Orthopedic Surgery";
    long either =
        letters.stream()
            .filter(
                l ->
                    l.reviewer().specialties().contains(a)
                        || l.reviewer().specialties().contains(b))
            .mapToLong(l -> l.decisions().size())
            .sum();
    long overturnedEither =
        letters.stream()
            .filter(
                l ->
                    l.reviewer().specialties().contains(a)
                        || l.reviewer().specialties().contains(b))
            .flatMap(l -> l.decisions().stream())
            .filter(d -> d.outcome() == Outcome.OVERTURNED)
            .count();
    JsonNode none = json("/api/search?size=1");
    JsonNode both = json("/api/search?size=1&specialty=" + enc(a) + "&specialty=" + enc(b));
    assertEquals(either, both.get("total").asLong());
    // Drill sideways: the specialty facet is counted as if its own selection were off...
    assertEquals(
        facet(none, "specialty"),
        facet(both, "specialty").entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new)));
    // ...while the other facets count only the selected decisions.
    assertEquals(overturnedEither, facet(both, "outcome").getOrDefault("overturned", 0L));
    assertTrue(
        both.at("/facets/0/values").findValuesAsText("selected").stream()
                .filter(Boolean::parseBoolean)
                .count()
            == 2);
  }

  @Test
  void overturnRatesByGuidelineEqualADirectComputation() throws IOException, InterruptedException {
    Map<String, long[]> expected = new TreeMap<>();
    for (Decision d : decisions()) {
      List<String> sources =
          d.reviewerGuideline().sources().isEmpty()
              ? List.of("none cited")
              : d.reviewerGuideline().sources();
      for (String s : sources) {
        long[] c = expected.computeIfAbsent(s, k -> new long[2]);
        c[0]++;
        c[1] += d.outcome() == Outcome.OVERTURNED ? 1 : 0;
      }
    }
    JsonNode table = json("/api/stats/overturn-rates?by=guideline");
    assertEquals("decisions", table.get("counts").asText());
    assertEquals(decisions().size(), table.at("/baseline/decisions").asLong());
    Map<String, long[]> actual = new TreeMap<>();
    for (JsonNode row : table.get("rows")) {
      long n = row.get("decisions").asLong();
      long k = row.get("overturned").asLong();
      actual.put(row.at("/key/0").asText(), new long[] {n, k});
      double[] wilson = wilson(k, n);
      assertEquals((double) k / n, row.get("rate").asDouble(), 1e-12);
      assertEquals(wilson[0], row.get("ciLow").asDouble(), 1e-9);
      assertEquals(wilson[1], row.get("ciHigh").asDouble(), 1e-9);
      assertEquals(n < 30, row.get("small").asBoolean());
    }
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (key, c) ->
            assertEquals(
                List.of(c[0], c[1]), List.of(actual.get(key)[0], actual.get(key)[1]), key));
  }

  /** The 95% Wilson score interval, written out independently of the service. */
  private static double[] wilson(long k, long n) {
    double z = 1.959963984540054;
    double p = (double) k / n;
    double denominator = 1 + z * z / n;
    double centre = p + z * z / (2.0 * n);
    double margin = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    return new double[] {
      Math.max(0, (centre - margin) / denominator), Math.min(1, (centre + margin) / denominator)
    };
  }

  @Test
  void aTwoWayTableCountsEachPair() throws IOException, InterruptedException {
    JsonNode table = json("/api/stats/overturn-rates?by=outcome,year");
    long overturned2017 =
        letters.stream()
            .filter(l -> l.decisionDate() != null && l.decisionDate().getYear() == 2017)
            .flatMap(l -> l.decisions().stream())
            .filter(d -> d.outcome() == Outcome.OVERTURNED)
            .count();
    for (JsonNode row : table.get("rows")) {
      if (row.at("/key/0").asText().equals("overturned")
          && row.at("/key/1").asText().equals("2017")) {
        assertEquals(overturned2017, row.get("decisions").asLong());
        assertEquals(overturned2017, row.get("overturned").asLong());
        return;
      }
    }
    throw new AssertionError("no overturned/2017 row in " + table);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q=%22unclosed",
        "q=a*",
        "q=unknown:field",
        "q=item:/regex/",
        "size=1000",
        "page=0",
        "page=x",
        "sort=sideways",
        "q=(acupuncture"
      })
  void aMalformedRequestGetsA400WithAReason(String query) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/search?" + query);
    assertEquals(400, response.statusCode(), response.body());
    JsonNode body = mapper.readTree(response.body());
    assertFalse(body.get("message").asText().isBlank());
    assertFalse(
        response.body().contains("Exception") || response.body().contains("\tat "),
        response.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AND knee | 'AND' at position 0 is out of place: AND, OR and NOT need words on both sides",
        "knee OR OR mri | 'OR' at position 8 is out of place",
        "knee AND | the query ends too early after 'AND'",
        "knee) mri | parentheses do not match",
      })
  void aParserErrorIsSaidInTheUsersTerms(String query, String expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/search?q=" + enc(query));
    assertEquals(400, response.statusCode(), response.body());
    String message = mapper.readTree(response.body()).get("message").asText();
    assertTrue(message.startsWith(expected), message);
    assertFalse(message.contains("Encountered") || message.contains("<"), message);
  }

  @Test
  void filterValuesMatchWithCaseIgnoredAsInTheQuerySyntax()
      throws IOException, InterruptedException {
    JsonNode exact = json("/api/search?treatment=Physical+therapy&size=1");
    JsonNode lower = json("/api/search?treatment=physical+therapy&size=1");
    assertTrue(exact.get("total").asLong() > 0);
    assertEquals(exact.get("total").asLong(), lower.get("total").asLong());
    boolean selected = false;
    for (JsonNode f : lower.get("facets")) {
      for (JsonNode v : f.get("values")) {
        selected |=
            v.get("value").asText().equals("Physical therapy") && v.get("selected").asBoolean();
      }
    }
    assertTrue(selected, "the value shows as selected, as the index spells it");
    JsonNode rates = json("/api/stats/overturn-rates?by=guideline&specialty=family+practice");
    assertEquals(
        json("/api/stats/overturn-rates?by=guideline&specialty=Family+Practice").get("baseline"),
        rates.get("baseline"));
  }

  @Test
  void everyRateGroupingAddsUpWithNotStatedAndTimeInOrder()
      throws IOException, InterruptedException {
    for (String by : List.of("month", "year", "citation", "sex", "age", "treatment")) {
      JsonNode table = json("/api/stats/overturn-rates?by=" + by);
      long sum = 0;
      for (JsonNode row : table.get("rows")) {
        sum += row.get("decisions").asLong();
      }
      long all = table.at("/baseline/decisions").asLong();
      if (by.equals("citation")) {
        assertTrue(sum >= all, by + ": a decision citing two parts counts in both");
      } else {
        assertEquals(all, sum, by + " rows add up to every decision");
      }
    }
    assertTrue(
        letters.stream().anyMatch(l -> l.decisionDate() == null && !l.decisions().isEmpty()),
        "the fixture has undated decisions");
    List<String> months = new ArrayList<>();
    json("/api/stats/overturn-rates?by=month")
        .get("rows")
        .forEach(r -> months.add(r.at("/key/0").asText()));
    assertEquals(
        LetterDocuments.NOT_STATED, months.get(months.size() - 1), "undated last: " + months);
    List<String> dated = months.subList(0, months.size() - 1);
    assertEquals(dated.stream().sorted().toList(), dated, "months in time order");
  }

  @Test
  void aPagePastTheLastSaysSoWithTheTotal() throws IOException, InterruptedException {
    JsonNode past = json("/api/search?page=99");
    assertEquals(0, past.get("hits").size());
    assertEquals(json("/api/search?size=1").get("total"), past.get("total"));
    assertTrue(past.get("next").isNull());
  }

  @Test
  void aLetterNamesItsFileWithoutTheServersDirectories() throws IOException, InterruptedException {
    JsonNode view = json("/api/letters/CM16-0213037");
    assertEquals("CM16-0213037.pdf", view.at("/letter/source").asText());
    assertEquals("CM16-0213037.pdf", view.get("source").asText());
  }

  @Test
  void anUnknownPageIsAStyledPageAndAnUnknownApiPathIsJson()
      throws IOException, InterruptedException {
    HttpResponse<String> page = get("/nosuchpage");
    assertEquals(404, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("Page not found") && page.body().contains("href=\"/\""));
    HttpResponse<String> api = get("/api/nosuch");
    assertEquals(404, api.statusCode());
    assertEquals(404, mapper.readTree(api.body()).get("status").asInt());
  }

  @Test
  void followingNextCursorsVisitsEveryDecisionOnce() throws IOException, InterruptedException {
    for (String sort : List.of("relevance", "date")) {
      List<String> seen = new ArrayList<>();
      String after = "";
      for (int pages = 0; pages < 100; pages++) {
        JsonNode result =
            json(
                "/api/search?q="
                    + enc("medically necessary")
                    + "&size=7&sort="
                    + sort
                    + "&after="
                    + enc(after));
        result.get("hits").forEach(h -> seen.add(h.get("decisionId").asText()));
        if (result.get("next").isNull()) {
          break;
        }
        after = result.get("next").asText();
      }
      long total = json("/api/search?size=1&q=" + enc("medically necessary")).get("total").asLong();
      assertEquals(total, seen.size(), sort);
      assertEquals(total, new HashSet<>(seen).size(), sort);
    }
  }

  @Test
  void aCursorOfAPointInTimeThatIsNotKeptGetsA400WithAReason()
      throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/search?q=knee&after=r.987654321.1065353216.12");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        "this result's cursor expired: search again",
        mapper.readTree(response.body()).get("message").asText());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page=600&size=20                  | offset limit 10000",
        "size=101                          | size must be between 1 and 100",
        "q=acupunture~1&after=r.1.2&page=2 | give either page or after",
        "after=x.1.2                       | after is not a cursor of this sort order",
        "q=ab~                             | fuzzy terms need at least 4 letters",
        "q=ac*                             | a wildcard needs at least 3 letters before it",
        "q=%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28%28knee%29%29%29%29%29%29%29%29%29%29%29%29%29%29%29%29%29"
            + " | the limit is 16",
      })
  void limitsAreRefusedWithTheLimitNamed(String query, String limit)
      throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/search?" + query);
    assertEquals(400, response.statusCode(), response.body());
    String message = mapper.readTree(response.body()).get("message").asText();
    assertTrue(message.contains(limit), message);
  }

  @Test
  void aQueryWithTooManyTermsIsRefused() throws IOException, InterruptedException {
    String many = String.join(" ", IntStream.range(0, 200).mapToObj(i -> "t" + i).toList());
    HttpResponse<String> response = get("/api/search?q=" + enc(many));
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("the limit is 256"), response.body());
  }

  @Test
  void overturnRatesNeedAKnownGrouping() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/stats/overturn-rates?by=colour");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("unknown grouping or filter 'colour'"), response.body());
  }

  @Test
  void anUnknownLetterIsA404() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/letters/CM00-0000000");
    assertEquals(404, response.statusCode());
    assertEquals(
        "no letter with id 'CM00-0000000'",
        mapper.readTree(response.body()).get("message").asText());
  }

  @Test
  void aLetterComesWholeWithItsMatchesMarked() throws IOException, InterruptedException {
    JsonNode view = json("/api/letters/CM16-0213037?q=" + enc("shoulder"));
    assertEquals("CM16-0213037", view.at("/letter/caseNumber").asText());
    assertEquals(2, view.at("/letter/decisions").size());
    Letter extracted =
        letters.stream().filter(l -> l.id().equals("CM16-0213037")).findFirst().orElseThrow();
    assertEquals(
        extracted.decisions().get(1).rationale(),
        view.at("/letter/decisions/1/rationale").asText(),
        "rationales come back whole");
    assertEquals(extracted.caseSummary(), view.at("/letter/caseSummary").asText());
    assertTrue(view.get("text").asText().startsWith("Case Number: CM16-0213037"));
    assertEquals("CM16-0213037.pdf", view.get("source").asText());
    assertTrue(view.get("markedText").asText().contains("<mark>shoulder</mark>"));
  }

  @Test
  void everyLettersTextSummaryAndRationalesComeBackExactlyAsExtracted()
      throws IOException, InterruptedException {
    // The index stores each passage once (StoredText): the page must still get every character.
    for (Letter extracted : letters) {
      JsonNode view = json("/api/letters/" + enc(extracted.id()));
      assertEquals(extracted.text(), view.get("text").asText(), extracted.id());
      assertEquals(
          extracted.caseSummary(), view.at("/letter/caseSummary").asText(), extracted.id());
      for (int i = 0; i < extracted.decisions().size(); i++) {
        assertEquals(
            extracted.decisions().get(i).rationale(),
            view.at("/letter/decisions/" + i + "/rationale").asText(),
            extracted.id() + " decision " + (i + 1));
      }
    }
  }

  @Test
  void similarDecisionsComeFromOtherLetters() throws IOException, InterruptedException {
    JsonNode similar = json("/api/letters/CM16-0213037/similar");
    assertTrue(similar.size() > 0);
    similar.forEach(h -> assertFalse(h.get("letterId").asText().equals("CM16-0213037")));
  }

  @Test
  void hostileMarkupInALetterIsEscapedEverywhere() throws IOException, InterruptedException {
    JsonNode hits = json("/api/search?q=" + enc("case:CM99-0000001 acupuncture")).get("hits");
    assertEquals(1, hits.size());
    String passage = hits.get(0).get("passages").get(0).asText();
    assertFalse(passage.contains("<script") || passage.contains("<a "), passage);
    assertTrue(passage.contains("&lt;script&gt;"), passage);
    String marked = json("/api/letters/CM99-0000001?q=acupuncture").get("markedText").asText();
    assertFalse(marked.contains("<img") || marked.contains("<script"), marked);
  }

  @Test
  void everyResponseCarriesSecurityHeaders() throws IOException, InterruptedException {
    for (String path : List.of("/", "/api/health", "/api/search?q=%22x")) {
      HttpResponse<String> response = get(path);
      assertEquals(
          WebServer.CONTENT_SECURITY_POLICY,
          response.headers().firstValue("Content-Security-Policy").orElse(""),
          path);
      assertEquals(
          "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), path);
    }
  }

  @Test
  void exportStreamsEveryMatchingDecision() throws IOException, InterruptedException {
    HttpResponse<String> csv = get("/api/export?format=csv&q=acupuncture");
    long total = json("/api/search?q=acupuncture&size=1").get("total").asLong();
    assertEquals(200, csv.statusCode());
    assertEquals(total + 1, csv.body().split("\r\n").length);
    HttpResponse<String> jsonl = get("/api/export?format=jsonl&outcome=overturned");
    assertEquals(
        decisions().stream().filter(d -> d.outcome() == Outcome.OVERTURNED).count(),
        jsonl.body().lines().count());
  }

  @Test
  void anExportRowHasBothPartiesGuidelinesAndCitationsAndALinkToItsLetter()
      throws IOException, InterruptedException {
    JsonNode row =
        mapper.readTree(
            get("/api/export?format=jsonl&q=" + enc("case:CM16-0213037"))
                .body()
                .lines()
                .findFirst()
                .orElseThrow());
    Decision first =
        letters.stream()
            .filter(l -> l.id().equals("CM16-0213037"))
            .findFirst()
            .orElseThrow()
            .decisions()
            .get(0);
    assertEquals("CM16-0213037#1", row.get("decision_id").asText());
    assertEquals(
        String.join("; ", first.reviewerGuideline().citations()), row.get("citations").asText());
    assertEquals(
        String.join("; ", first.claimsAdministratorGuideline().sources()),
        row.get("ca_guidelines").asText());
    assertEquals(
        String.join("; ", first.claimsAdministratorGuideline().citations()),
        row.get("ca_citations").asText());
    assertTrue(
        row.get("letter_url")
            .asText()
            .matches("http://[^/]+/letter\\.html\\?id=CM16-0213037&decision=CM16-0213037%231"),
        row.get("letter_url").asText());
  }

  @Test
  void aSearchWithNoHitsSaysWhatEachFilterHidesAndSuggestsASpelling()
      throws IOException, InterruptedException {
    JsonNode none = json("/api/search?q=acupunture&outcome=overturned&specialty=Family+Practice");
    assertEquals(0, none.get("total").asLong());
    assertEquals("acupuncture", none.at("/help/didYouMean").asText());
    Map<String, Long> without = new TreeMap<>();
    none.at("/help/withoutFilter")
        .forEach(
            w ->
                without.put(
                    w.get("name").asText() + "=" + w.get("value").asText(),
                    w.get("total").asLong()));
    assertEquals(Set.of("outcome=overturned", "specialty=Family Practice"), without.keySet());
    assertEquals(
        json("/api/search?q=acupunture&specialty=Family+Practice&size=1").get("total").asLong(),
        without.get("outcome=overturned"));
    assertTrue(
        json("/api/search?q=acupuncture&size=1").get("help").isNull(),
        "no help when there are hits");
  }

  @Test
  void allValuesOfALongFacetComeFromTheApiFilteredByWhatTheUserTypes()
      throws IOException, InterruptedException {
    JsonNode search = json("/api/search?size=1");
    JsonNode specialty = null;
    for (JsonNode f : search.get("facets")) {
      if (f.get("name").asText().equals("specialty")) {
        specialty = f;
      }
    }
    assertTrue(
        specialty.get("distinct").asInt() > specialty.get("values").size(), "more than shown");
    JsonNode all = json("/api/facets/specialty?limit=1000");
    assertEquals(specialty.get("distinct").asInt(), all.get("values").size());
    Map<String, Long> direct = new TreeMap<>();
    for (Letter l : letters) {
      for (Decision d : l.decisions()) {
        (l.reviewer().specialties().isEmpty()
                ? List.of(LetterDocuments.NOT_STATED)
                : l.reviewer().specialties())
            .forEach(sp -> direct.merge(sp, 1L, Long::sum));
      }
    }
    Map<String, Long> served = new TreeMap<>();
    all.get("values").forEach(v -> served.put(v.get("value").asText(), v.get("count").asLong()));
    assertEquals(direct, served);
    JsonNode surgery = json("/api/facets/specialty?contains=SURG");
    assertFalse(surgery.get("values").isEmpty());
    surgery
        .get("values")
        .forEach(v -> assertTrue(v.get("value").asText().toLowerCase().contains("surg")));
    assertEquals(400, get("/api/facets/nosuchfacet").statusCode());
  }

  @Test
  void similarDecisionsCanStartFromOneDecisionAndKeepOneOutcome()
      throws IOException, InterruptedException {
    JsonNode overturned = json("/api/letters/CM16-0213037/similar?decision=2&outcome=overturned");
    assertTrue(overturned.size() > 0);
    overturned.forEach(h -> assertEquals("overturned", h.get("outcome").asText()));
    assertNotEquals(
        json("/api/letters/CM16-0213037/similar?decision=1"),
        json("/api/letters/CM16-0213037/similar?decision=2"),
        "each decision has its own neighbours");
    assertEquals(404, get("/api/letters/CM16-0213037/similar?decision=9").statusCode());
    assertEquals(400, get("/api/letters/CM16-0213037/similar?outcome=maybe").statusCode());
  }

  @Test
  void compareTwoSelectionsAgainstADirectCount() throws IOException, InterruptedException {
    JsonNode c = json("/api/stats/compare?a=guideline:MTUS&b=guideline:odg");
    long[] mtus = counted(d -> d.reviewerGuideline().sources().contains("MTUS"));
    long[] odg = counted(d -> d.reviewerGuideline().sources().contains("ODG"));
    assertEquals(mtus[0], c.at("/a/decisions").asLong());
    assertEquals(mtus[1], c.at("/a/overturned").asLong());
    assertEquals(odg[0], c.at("/b/decisions").asLong());
    assertEquals(odg[1], c.at("/b/overturned").asLong());
    assertEquals(
        (double) mtus[1] / mtus[0] - (double) odg[1] / odg[0],
        c.at("/difference/estimate").asDouble(),
        1e-12);
    assertTrue(c.at("/difference/ciLow").asDouble() < c.at("/difference/estimate").asDouble());
    assertTrue(c.at("/difference/ciHigh").asDouble() > c.at("/difference/estimate").asDouble());
    assertEquals(
        Proportions.twoSidedP(mtus[1], mtus[0], odg[1], odg[0]), c.get("p").asDouble(), 1e-12);
    assertEquals(
        counted(d -> d.reviewerGuideline().sources().containsAll(List.of("MTUS", "ODG")))[0],
        c.get("overlap").asLong());
    assertEquals(400, get("/api/stats/compare?a=guideline:MTUS").statusCode());
    assertEquals(400, get("/api/stats/compare?a=MTUS&b=ODG").statusCode());
  }

  @Test
  void eachRateRowSaysWhetherItDiffersFromTheRest() throws IOException, InterruptedException {
    JsonNode table = json("/api/stats/overturn-rates?by=guideline");
    long all = table.at("/baseline/decisions").asLong();
    long allOverturned = table.at("/baseline/overturned").asLong();
    assertTrue(table.at("/baseline/p").isNull());
    for (JsonNode row : table.get("rows")) {
      long n = row.get("decisions").asLong();
      long o = row.get("overturned").asLong();
      assertEquals(
          Proportions.twoSidedP(o, n, allOverturned - o, all - n), row.get("p").asDouble(), 1e-12);
      assertTrue(row.get("pAdjusted").asDouble() >= row.get("p").asDouble());
    }
  }

  /** Decisions matching {@code which} and how many of them were overturned. */
  private long[] counted(Predicate<Decision> which) {
    long[] c = new long[2];
    for (Decision d : decisions()) {
      if (which.test(d)) {
        c[0]++;
        c[1] += d.outcome() == Outcome.OVERTURNED ? 1 : 0;
      }
    }
    return c;
  }

  @Test
  void timeToDecisionAgainstADirectCountOfTheRecords() throws IOException, InterruptedException {
    JsonNode times = json("/api/stats/time-to-decision?by=priority");
    Map<String, List<Long>> days = new TreeMap<>();
    Map<String, long[]> counts = new TreeMap<>(); // decisions, not stated, with deadline, past it
    for (Letter l : letters) {
      LocalDate from = l.applicationReceived() != null ? l.applicationReceived() : l.dateAssigned();
      String priority = l.priority() == null ? LetterDocuments.NOT_STATED : l.priority();
      Integer deadline = Map.of("Standard", 30, "Expedited", 3, "Urgent", 3).get(priority);
      for (Decision d : l.decisions()) {
        for (String key : List.of("all", priority)) {
          long[] c = counts.computeIfAbsent(key, k -> new long[4]);
          c[0]++;
          if (l.decisionDate() == null || from == null || from.isAfter(l.decisionDate())) {
            c[1]++;
            continue;
          }
          long took = l.decisionDate().toEpochDay() - from.toEpochDay();
          days.computeIfAbsent(key, k -> new ArrayList<>()).add(took);
          if (deadline != null) {
            c[2]++;
            c[3] += took > deadline ? 1 : 0;
          }
        }
      }
    }
    List<JsonNode> rows = new ArrayList<>();
    rows.add(times.get("all"));
    times.get("rows").forEach(rows::add);
    assertEquals(counts.size(), rows.size(), "all, and one row per priority: " + times);
    for (JsonNode row : rows) {
      String key = row.at("/key/0").asText();
      long[] c = counts.get(key);
      assertEquals(c[0], row.get("decisions").asLong(), key);
      assertEquals(c[1], row.get("notStated").asLong(), key);
      assertEquals(c[2], row.get("withDeadline").asLong(), key);
      assertEquals(c[3], row.get("pastDeadline").asLong(), key);
      List<Long> sorted = days.getOrDefault(key, List.of()).stream().sorted().toList();
      if (sorted.isEmpty()) {
        assertTrue(row.get("median").isNull(), key);
      } else {
        assertEquals(
            sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1), row.get("median").asLong(), key);
        assertEquals(
            sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1), row.get("p90").asLong(), key);
      }
    }
    assertTrue(counts.get("all")[1] > 0, "the fixture has decisions without the dates");
    assertEquals(30, times.at("/deadlines/standard").asInt());
    // A hierarchical grouping: each month's decisions add up to all of them.
    long byMonth = 0;
    for (JsonNode row : json("/api/stats/time-to-decision?by=month").get("rows")) {
      byMonth += row.get("decisions").asLong();
    }
    assertEquals(counts.get("all")[0], byMonth);
    JsonNode byCitation = json("/api/stats/time-to-decision?by=citation");
    assertTrue(byCitation.get("rows").size() > 3, "citation parts: " + byCitation);
  }

  @Test
  void distinctiveWordsOfOverturnedRationalesAgainstADirectCount()
      throws IOException, InterruptedException {
    JsonNode d = json("/api/stats/distinctive");
    assertEquals("log-likelihood G2", d.get("score").asText());
    assertFalse(d.get("sampled").asBoolean(), "fewer decisions than the sample: all are read");
    long overturned = decisions().stream().filter(x -> x.outcome() == Outcome.OVERTURNED).count();
    assertEquals(overturned, d.get("foreground").asLong());
    assertEquals(decisions().size() - overturned, d.get("background").asLong());
    int checked = 0;
    for (JsonNode t : d.get("terms")) {
      if (t.get("words").asInt() != 1) {
        continue;
      }
      String word = t.get("text").asText();
      long fore = 0;
      long back = 0;
      for (Decision x : decisions()) {
        boolean has = Arrays.asList(x.rationale().toLowerCase().split("[^a-z]+")).contains(word);
        if (has && x.outcome() == Outcome.OVERTURNED) {
          fore++;
        } else if (has) {
          back++;
        }
      }
      assertEquals(fore, t.get("foreground").asLong(), word);
      assertEquals(back, t.get("background").asLong(), word);
      assertTrue(
          (double) fore / overturned > (double) back / (decisions().size() - overturned), word);
      checked++;
    }
    assertTrue(checked > 0, "some single words among the terms: " + d.get("terms"));
    JsonNode all = json("/api/stats/distinctive?against=all&q=acupuncture");
    assertEquals("all", all.get("against").asText());
    assertTrue(all.get("terms").size() > 0);
    assertEquals(400, get("/api/stats/distinctive?against=nothing").statusCode());
  }

  @Test
  void healthReportsTheIndex() throws IOException, InterruptedException {
    JsonNode health = json("/api/health");
    assertEquals("ok", health.get("status").asText());
    assertEquals(letters.size(), health.get("letters").asLong());
    assertEquals(decisions().size(), health.get("decisions").asLong());
    assertEquals(Integer.toString(Schema.VERSION), health.get("schemaVersion").asText());
  }

  @Test
  void healthReportsTheMemoryOfTheFacetBitSetsABroadSearchBuilt()
      throws IOException, InterruptedException {
    json("/api/search?q=the"); // most decisions: counted from bit sets
    assertTrue(json("/api/health").get("facetBitSetBytes").asLong() > 0);
  }

  @Test
  void precedentsOfAPastedRequestHonourTheFiltersAndSayWhy()
      throws IOException, InterruptedException {
    String text =
        URLEncoder.encode("acupuncture 6 sessions for chronic neck pain", StandardCharsets.UTF_8);
    JsonNode p = json("/api/precedents?text=" + text + "&size=5");
    assertEquals("overturned_first", p.get("order").asText());
    assertEquals(5, p.get("precedents").size());
    JsonNode first = p.get("precedents").get(0);
    assertEquals("overturned", first.get("decision").get("outcome").asText());
    assertTrue(first.get("why").size() > 0);
    assertTrue(p.get("terms").get(0).has("weight"));
    JsonNode upheld =
        json("/api/precedents?text=" + text + "&order=similarity&outcome=upheld&guideline=mtus");
    assertEquals("similarity", upheld.get("order").asText());
    assertEquals(10, upheld.get("precedents").size());
    for (JsonNode x : upheld.get("precedents")) {
      assertEquals("upheld", x.get("decision").get("outcome").asText());
      assertTrue(x.get("decision").get("guidelines").toString().contains("\"MTUS\""));
    }
  }

  @Test
  void precedentsRefuseEmptyOrOverlongTextWithAReason() throws IOException, InterruptedException {
    HttpResponse<String> empty = get("/api/precedents?text=+");
    assertEquals(400, empty.statusCode());
    assertTrue(mapper.readTree(empty.body()).get("message").asText().contains("text is required"));
    HttpResponse<String> tooLong = get("/api/precedents?text=" + "mri+".repeat(1300));
    assertEquals(400, tooLong.statusCode());
    assertTrue(mapper.readTree(tooLong.body()).get("message").asText().contains("too long"));
    assertEquals(400, get("/api/precedents?text=mri&order=newest").statusCode());
  }

  private static Map<String, Long> facet(JsonNode result, String name) {
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode f : result.get("facets")) {
      if (f.get("name").asText().equals(name)) {
        f.get("values").forEach(v -> out.put(v.get("value").asText(), v.get("count").asLong()));
      }
    }
    return out;
  }
}
