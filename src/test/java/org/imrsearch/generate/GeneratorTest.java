package org.imrsearch.generate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.extract.NotALetterException;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The generator is deterministic, and the extractor recovers what it wrote, in every layout. */
class GeneratorTest {
  private final LetterExtractor extractor = new LetterExtractor(TestLetters.vocabulary());

  @Test
  void theSameSeedWritesTheSameLetters() {
    LetterGenerator a = new LetterGenerator(7, List.of());
    LetterGenerator b = new LetterGenerator(7, List.of());
    for (long n = 0; n < 50; n++) {
      assertEquals(a.generate(n), b.generate(n));
    }
    assertNotEquals(a.generate(3).text(), new LetterGenerator(8, List.of()).generate(3).text());
  }

  @Test
  void everyLetterSaysItIsSynthetic() throws NotALetterException {
    SyntheticLetter generated = new LetterGenerator(1, List.of()).generate(42);
    Letter letter = extractor.extract(generated.fileName(), generated.text());
    assertTrue(letter.synthetic());
    assertTrue(letter.id().startsWith("SY"), letter.id());
  }

  @Test
  void theExtractorRecoversTheKnownFieldsInEveryLayout() throws NotALetterException {
    List<Executable> checks = new ArrayList<>();
    int decisions = 0;
    for (String layout :
        List.of("dwc-2016", "maximus-2013", "professional-review", "notice-2013")) {
      LetterGenerator generator = new LetterGenerator(11, List.of(layout));
      for (long n = 0; n < 150; n++) {
        SyntheticLetter generated = generator.generate(n);
        SyntheticLetter.Truth truth = generated.truth();
        Letter letter = extractor.extract(generated.fileName(), generated.text());
        String at = layout + " #" + n + " " + truth.caseNumber();
        checks.add(() -> assertEquals(truth.caseNumber(), letter.caseNumber(), at));
        checks.add(() -> assertEquals(truth.layout(), letter.layout(), at));
        checks.add(() -> assertEquals(truth.decisionDate(), letter.decisionDate(), at));
        checks.add(() -> assertEquals(truth.licensure(), letter.reviewer().licensure(), at));
        checks.add(() -> assertEquals(truth.specialties(), letter.reviewer().specialties(), at));
        List<SyntheticLetter.Item> expected = truth.decisions();
        checks.add(
            () ->
                assertEquals(
                    expected.stream().map(SyntheticLetter.Item::item).toList(),
                    letter.decisions().stream().map(Decision::item).toList(),
                    at));
        checks.add(
            () ->
                assertEquals(
                    expected.stream().map(SyntheticLetter.Item::overturned).toList(),
                    letter.decisions().stream()
                        .map(d -> d.outcome() == Outcome.OVERTURNED)
                        .toList(),
                    at));
        checks.add(
            () ->
                assertEquals(
                    expected.stream()
                        .map(
                            i ->
                                i.reviewerFamily().isEmpty()
                                    ? List.of()
                                    : List.of(i.reviewerFamily()))
                        .toList(),
                    letter.decisions().stream().map(d -> d.reviewerGuideline().sources()).toList(),
                    at));
        decisions += expected.size();
      }
    }
    assertTrue(decisions > 600, "decisions checked: " + decisions);
    assertAll(checks);
  }
}
