package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.LetterDocuments;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way overturn-rate tables over the 144 real letters, every cell (decisions and overturned)
 * against a direct count over the extracted records: a flat pair of groupings (guideline by year,
 * one pass over doc values) and a hierarchical one (citation part by year, facet counts per group).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverturnRatesOracleTest {
  /** The most groups of each side of a two-way table with a hierarchical grouping. */
  private static final int TWO_WAY_GROUPS = 30;

  private final ObjectMapper mapper = Json.newMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private List<Letter> letters;
  private SearchServices services;
  private WebServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    letters = TestIndex.build(dir.resolve("index"), List.of(TestLetters.REAL_PDFS));
    services = SearchServices.open(dir.resolve("index"), ConfigSource.bundled(), mapper);
    server = new WebServer(services, mapper).start("127.0.0.1", 0);
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
    services.close();
  }

  @Test
  void guidelineByYearEqualsADirectCountInEveryCell() throws Exception {
    Map<List<String>, long[]> expected = count((l, d) -> pairs(guidelines(d), List.of(year(l))));
    JsonNode table = json("/api/stats/overturn-rates?by=guideline,year");
    assertBaseline(table);
    assertEquals(table(expected), rows(table));
    assertTrue(expected.size() > 4, "several guideline/year cells: " + expected.keySet());
  }

  @Test
  void citationPartByYearEqualsADirectCountInEveryCell() throws Exception {
    Map<List<String>, long[]> byPart = count((l, d) -> pairs(citationGroups(d), List.of("")));
    List<String> shown = firstGroupsShown(byPart);
    Map<List<String>, long[]> expected =
        count(
            (l, d) ->
                pairs(
                    citationGroups(d).stream().filter(shown::contains).toList(), List.of(year(l))));
    JsonNode table = json("/api/stats/overturn-rates?by=citation,year");
    assertBaseline(table);
    assertEquals(table(expected), rows(table));
    assertTrue(shown.size() > 4, "several citation parts: " + shown);
  }

  private void assertBaseline(JsonNode table) {
    List<Decision> all = letters.stream().flatMap(l -> l.decisions().stream()).toList();
    assertEquals(all.size(), table.at("/baseline/decisions").asLong());
    assertEquals(
        all.stream().filter(d -> d.outcome() == Outcome.OVERTURNED).count(),
        table.at("/baseline/overturned").asLong());
  }

  /** Decisions and overturned decisions per key, each decision counted once under each key. */
  private Map<List<String>, long[]> count(BiFunction<Letter, Decision, List<List<String>>> keys) {
    Map<List<String>, long[]> counts = new HashMap<>();
    for (Letter l : letters) {
      for (Decision d : l.decisions()) {
        for (List<String> key : new LinkedHashSet<>(keys.apply(l, d))) {
          long[] c = counts.computeIfAbsent(key, k -> new long[2]);
          c[0]++;
          c[1] += d.outcome() == Outcome.OVERTURNED ? 1 : 0;
        }
      }
    }
    return counts;
  }

  private static List<List<String>> pairs(List<String> first, List<String> second) {
    List<List<String>> pairs = new ArrayList<>();
    first.forEach(a -> second.forEach(b -> pairs.add(List.of(a, b))));
    return pairs;
  }

  private static List<String> guidelines(Decision d) {
    List<String> sources = d.reviewerGuideline().sources();
    return sources.isEmpty() ? List.of(LetterDocuments.NONE_CITED) : sources;
  }

  private static String year(Letter l) {
    return l.decisionDate() == null
        ? LetterDocuments.NOT_STATED
        : Integer.toString(l.decisionDate().getYear());
  }

  /**
   * The citation groups of a decision: each part it cites ("MTUS/Chronic Pain Medical Treatment
   * 2016"), or the family alone where no decision cites a part of that family.
   */
  private List<String> citationGroups(Decision d) {
    Set<String> groups = new LinkedHashSet<>();
    for (String c : citations(d)) {
      String[] path = c.split("/");
      if (path.length >= 2) {
        groups.add(path[0] + "/" + path[1]);
      } else if (!familiesWithParts().contains(path[0])) {
        groups.add(path[0]);
      }
    }
    return List.copyOf(groups);
  }

  /** A decision's reviewer citations; one without any counts under "none cited". */
  private static List<String> citations(Decision d) {
    List<String> cited = d.reviewerGuideline().citations();
    return cited.isEmpty() ? List.of(LetterDocuments.NONE_CITED) : cited;
  }

  private Set<String> familiesWithParts() {
    Set<String> families = new LinkedHashSet<>();
    letters.stream()
        .flatMap(l -> l.decisions().stream())
        .flatMap(d -> citations(d).stream())
        .map(c -> c.split("/"))
        .filter(p -> p.length >= 2)
        .forEach(p -> families.add(p[0]));
    return families;
  }

  /**
   * The citation groups a two-way table shows, in its order: families by decisions (most first,
   * ties by name), each family's parts the same way, the first {@value #TWO_WAY_GROUPS}.
   */
  private List<String> firstGroupsShown(Map<List<String>, long[]> byGroup) {
    Map<String, Long> families = new HashMap<>();
    for (Letter l : letters) {
      for (Decision d : l.decisions()) {
        citations(d).stream()
            .map(c -> c.split("/")[0])
            .distinct()
            .forEach(f -> families.merge(f, 1L, Long::sum));
      }
    }
    Comparator<Map.Entry<String, Long>> mostFirst =
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey());
    List<String> shown = new ArrayList<>();
    families.entrySet().stream()
        .sorted(mostFirst)
        .forEach(
            family -> {
              Map<String, Long> groups = new HashMap<>();
              byGroup.forEach(
                  (key, c) -> {
                    String group = key.get(0);
                    if (group.equals(family.getKey()) || group.startsWith(family.getKey() + "/")) {
                      groups.put(group, c[0]);
                    }
                  });
              groups.entrySet().stream().sorted(mostFirst).forEach(g -> shown.add(g.getKey()));
            });
    return shown.subList(0, Math.min(TWO_WAY_GROUPS, shown.size()));
  }

  /** Each cell as "first | second -> decisions/overturned", sorted, for a readable diff. */
  private static Map<String, String> table(Map<List<String>, long[]> counts) {
    Map<String, String> cells = new TreeMap<>();
    counts.forEach((key, c) -> cells.put(String.join(" | ", key), c[0] + "/" + c[1]));
    return cells;
  }

  private static Map<String, String> rows(JsonNode table) {
    Map<String, String> cells = new TreeMap<>();
    for (JsonNode row : table.get("rows")) {
      long n = row.get("decisions").asLong();
      long k = row.get("overturned").asLong();
      assertEquals((double) k / n, row.get("rate").asDouble(), 1e-12, row.toString());
      String key = row.at("/key/0").asText() + " | " + row.at("/key/1").asText();
      assertEquals(null, cells.put(key, n + "/" + k), "one row per cell: " + key);
    }
    return cells;
  }

  private JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> pathAndQuery + " -> " + response.body());
    return mapper.readTree(response.body());
  }
}
