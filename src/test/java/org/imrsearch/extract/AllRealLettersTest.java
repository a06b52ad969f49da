package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * All 144 real letters of 2016-2017, as published: none fails, none is left incomplete but the one
 * that names no diagnosis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllRealLettersTest {
  /**
   * The one letter whose summary names no diagnosis (read: it describes the wrist fracture, its
   * X-rays and its pinning, but never as a diagnosis or what the worker is treated for).
   */
  private static final String NO_DIAGNOSIS_NAMED = "CM16-0234202.pdf";

  private final List<Extraction> extractions = new ArrayList<>();

  @BeforeAll
  void extractAll() throws InterruptedException {
    TestLetters.pipeline().run(TestLetters.realPdfs(), extractions::add);
  }

  @Test
  void everyLetterIsExtractedWithoutErrorOrWarning() {
    assertEquals(144, extractions.size());
    List<Executable> checks = new ArrayList<>();
    for (Extraction e : extractions) {
      checks.add(() -> assertTrue(e.ok(), () -> e.source() + ": " + e.failure()));
      if (e.ok()) {
        List<String> expected =
            e.source().toString().endsWith(NO_DIAGNOSIS_NAMED)
                ? List.of("no diagnoses found")
                : List.of();
        checks.add(() -> assertEquals(expected, e.letter().warnings(), e.source()));
      }
    }
    assertAll(checks);
  }

  @Test
  void everyLetterHasItsCaseNumberDatesReviewerAndDecisions() {
    List<Executable> checks = new ArrayList<>();
    for (Extraction e : extractions) {
      Letter l = e.letter();
      String file = Path.of(e.source()).getFileName().toString();
      checks.add(() -> assertEquals(file.replace(".pdf", ""), l.caseNumber(), file));
      checks.add(() -> assertNotNull(l.decisionDate(), file + " decision date"));
      checks.add(() -> assertNotNull(l.dateAssigned(), file + " date assigned"));
      checks.add(() -> assertFalse(l.reviewer().specialties().isEmpty(), file + " specialties"));
      checks.add(() -> assertFalse(l.reviewer().licensure().isEmpty(), file + " licensure"));
      checks.add(() -> assertFalse(l.decisions().isEmpty(), file + " decisions"));
      for (Decision d : l.decisions()) {
        checks.add(
            () ->
                assertTrue(
                    d.item().length() >= 2 && d.item().length() <= 200,
                    file + " item " + d.item()));
        checks.add(
            () -> assertTrue(d.rationale().length() > 100, file + " rationale of " + d.item()));
      }
    }
    assertAll(checks);
  }

  /**
   * 339 decisions, 39 overturned: the regex manifest shipped with the letters counts 338 and 39;
   * the one it misses ("NCV bilateral lower extremities QTY: 2" in CM16-0248698, whose colon fooled
   * the regex) was checked by reading the letter.
   */
  @Test
  void findsEveryDecisionAndOutcome() {
    List<Decision> all =
        extractions.stream().flatMap(e -> e.letter().decisions().stream()).toList();
    assertEquals(339, all.size());
    assertEquals(39, all.stream().filter(d -> d.outcome() == Outcome.OVERTURNED).count());
  }
}
