package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.imrsearch.TestLetters;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every letter that has an expected-values file (34 real 2016-2017 letters, the 5
 * seed letters and the fixtures of each older layout), checked against values taken by reading the
 * letters. Each file says in "why" what it covers; the diagnoses are checked where a file lists
 * them.
 */
class ExpectedLettersTest {
  private static final ObjectMapper MAPPER = Json.newMapper();
  private final ExtractionPipeline pipeline = TestLetters.pipeline();

  static Stream<Arguments> expectedFiles() throws IOException {
    try (Stream<Path> files = Files.list(TestLetters.EXPECTED)) {
      List<Arguments> args = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode expected = MAPPER.readTree(f.toFile());
        args.add(
            Arguments.of(expected.get("file").asText(), expected.get("why").asText(), expected));
      }
      return args.stream();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("expectedFiles")
  void extractsEveryFieldAsTheLetterStatesIt(String file, String why, JsonNode expected) {
    Extraction extraction = pipeline.extract(TestLetters.find(file));
    assertTrue(extraction.ok(), () -> file + " failed: " + extraction.failure());
    Letter letter = extraction.letter();
    List<Executable> checks = new ArrayList<>();
    if (expected.has("layout")) {
      checks.add(() -> assertEquals(expected.get("layout").asText(), letter.layout(), "layout"));
    }
    checks.add(() -> assertEquals(text(expected, "caseNumber"), letter.caseNumber(), "caseNumber"));
    checks.add(
        () ->
            assertEquals(
                text(expected, "dateAssigned"), str(letter.dateAssigned()), "dateAssigned"));
    checks.add(
        () ->
            assertEquals(
                text(expected, "decisionDate"), str(letter.decisionDate()), "decisionDate"));
    checks.add(
        () ->
            assertEquals(
                text(expected, "urDenialDate"), str(letter.urDenialDate()), "urDenialDate"));
    checks.add(
        () ->
            assertEquals(
                text(expected, "applicationReceived"),
                str(letter.applicationReceived()),
                "applicationReceived"));
    checks.add(() -> assertEquals(text(expected, "priority"), letter.priority(), "priority"));
    checks.add(
        () ->
            assertEquals(
                strings(expected.at("/reviewer/specialties")),
                letter.reviewer().specialties(),
                "specialties"));
    checks.add(
        () ->
            assertEquals(
                strings(expected.at("/reviewer/licensure")),
                letter.reviewer().licensure(),
                "licensure"));
    JsonNode age = expected.at("/patient/age");
    checks.add(
        () ->
            assertEquals(age.isNull() ? null : age.asInt(), letter.patient().age(), "patient.age"));
    checks.add(
        () ->
            assertEquals(
                text(expected.get("patient"), "sex"), letter.patient().sex(), "patient.sex"));
    checks.add(
        () ->
            assertEquals(
                text(expected.get("patient"), "injuryDate"),
                str(letter.patient().injuryDate()),
                "patient.injuryDate"));
    if (expected.has("diagnoses")) {
      checks.add(
          () -> assertEquals(strings(expected.get("diagnoses")), letter.diagnoses(), "diagnoses"));
    }
    checks.add(
        () ->
            assertStartsWith(
                expected.get("caseSummaryStartsWith").asText(),
                letter.caseSummary(),
                "caseSummary"));
    JsonNode decisions = expected.get("decisions");
    checks.add(
        () ->
            assertEquals(
                items(decisions),
                letter.decisions().stream().map(Decision::item).toList(),
                "items"));
    for (int i = 0; i < Math.min(decisions.size(), letter.decisions().size()); i++) {
      JsonNode e = decisions.get(i);
      Decision d = letter.decisions().get(i);
      String at = "decision " + (i + 1) + " (" + d.item() + ")";
      checks.add(
          () -> assertEquals(e.get("outcome").asText(), d.outcome().label(), at + " outcome"));
      checks.add(
          () ->
              assertEquals(
                  strings(e.get("claimsAdministratorSources")),
                  d.claimsAdministratorGuideline().sources(),
                  at + " claims administrator sources"));
      checks.add(
          () ->
              assertEquals(
                  strings(e.get("reviewerSources")),
                  d.reviewerGuideline().sources(),
                  at + " reviewer sources"));
      // Citation paths are checked where a file lists them (read from the blocks as written).
      if (e.has("claimsAdministratorCitations")) {
        checks.add(
            () ->
                assertEquals(
                    strings(e.get("claimsAdministratorCitations")),
                    d.claimsAdministratorGuideline().citations(),
                    at + " claims administrator citations"));
      }
      if (e.has("reviewerCitations")) {
        checks.add(
            () ->
                assertEquals(
                    strings(e.get("reviewerCitations")),
                    d.reviewerGuideline().citations(),
                    at + " reviewer citations"));
      }
      checks.add(
          () ->
              assertStartsWith(
                  e.get("rationaleStartsWith").asText(), d.rationale(), at + " rationale start"));
      checks.add(
          () ->
              assertEndsWith(
                  e.get("rationaleEndsWith").asText(), d.rationale(), at + " rationale end"));
    }
    assertAll(file, checks);
  }

  private static void assertStartsWith(String expected, String actual, String what) {
    String a = collapse(actual);
    assertTrue(
        a.startsWith(collapse(expected)),
        () -> what + ": expected to start with <" + expected + "> but was <" + head(a) + ">");
  }

  private static void assertEndsWith(String expected, String actual, String what) {
    String a = collapse(actual);
    assertTrue(
        a.endsWith(collapse(expected)),
        () ->
            what
                + ": expected to end with <"
                + expected
                + "> but was <..."
                + a.substring(Math.max(0, a.length() - 160))
                + ">");
  }

  private static String head(String s) {
    return s.substring(0, Math.min(160, s.length()));
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String str(Object value) {
    return Objects.toString(value, null);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> items(JsonNode decisions) {
    List<String> out = new ArrayList<>();
    decisions.forEach(d -> out.add(d.get("item").asText()));
    return out;
  }
}
