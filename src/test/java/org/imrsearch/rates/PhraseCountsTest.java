package org.imrsearch.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.imrsearch.TestLetters;
import org.imrsearch.generate.LetterGenerator;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.model.Decision;
import org.junit.jupiter.api.Test;

/**
 * The counting behind the distinctive terms agrees, term for term, with the plain way of saying it:
 * split into sentences and words with regular expressions, build each phrase as a string, keep a
 * set per rationale.
 */
class PhraseCountsTest {
  private static final Set<String> BOILERPLATE = Set.of("patient", "guidelines", "request");

  @Test
  void countsEveryTermOfTheRealRationalesAsAPlainSplitDoes() throws InterruptedException {
    List<String> rationales = new ArrayList<>();
    TestLetters.pipeline()
        .run(
            List.of(TestLetters.REAL_PDFS, TestLetters.SEED_LETTERS),
            (Extraction e) -> {
              if (e.ok()) {
                e.letter().decisions().stream().map(Decision::rationale).forEach(rationales::add);
              }
            });
    assertAgrees(rationales);
  }

  @Test
  void countsEveryTermOfWholeGeneratedLettersAsAPlainSplitDoes() {
    // Whole letters: headers, numbers, PDF debris and every layout's punctuation.
    LetterGenerator generator = new LetterGenerator(7, List.of());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      texts.add(generator.generate(i).text());
    }
    assertAgrees(texts);
  }

  @Test
  void cutsSentencesAndWordsWhereAPlainSplitDoes() {
    assertAgrees(
        List.of(
            "",
            "a an to",
            "Physical therapy; physical THERAPY (twice).",
            "physical\ttherapy\n\nsessions:weekly!sessions?weekly",
            "the patient has patient guidelines request therapy",
            "Naïve façade café résumé therapy-sessions, 12 visits x2",
            "İstanbul Kelvin \u212Aelvin straße",
            "trailing words without a stop",
            "(((...)))",
            "one two three four five six seven eight nine ten eleven twelve",
            "x".repeat(200) + " " + "y".repeat(150) + " functional improvement",
            "z".repeat(PhraseCounts.MAX_TERM - 4) + " and more",
            "a garbled scan " + "q".repeat(50_000) + " of a page."));
  }

  /** Half the texts in the foreground, half in the background; both counts must agree. */
  private static void assertAgrees(List<String> texts) {
    PhraseCounts counts = new PhraseCounts(BOILERPLATE);
    Map<String, Integer> fore = new HashMap<>();
    Map<String, Integer> back = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      boolean inForeground = i % 2 == 0;
      counts.add(texts.get(i), inForeground);
      plainTerms(texts.get(i)).forEach(t -> (inForeground ? fore : back).merge(t, 1, Integer::sum));
    }
    Map<String, Integer> countedFore = new HashMap<>();
    Map<String, Integer> countedBack = new HashMap<>();
    counts.forEachTerm(
        id -> {
          if (counts.foreground(id) > 0) {
            countedFore.put(counts.term(id), counts.foreground(id));
          }
          if (counts.background(id) > 0) {
            countedBack.put(counts.term(id), counts.background(id));
          }
        });
    assertEquals(fore, countedFore);
    assertEquals(back, countedBack);
    assertEquals((texts.size() + 1) / 2, counts.foregroundDocs());
    assertEquals(texts.size() / 2, counts.backgroundDocs());
  }

  /** The terms of one rationale, the plain way (terms over the length limit left out). */
  private static Set<String> plainTerms(String rationale) {
    Set<String> seen = new HashSet<>();
    for (String sentence : rationale.toLowerCase(Locale.ROOT).split("[.;:!?()]")) {
      List<String> words = new ArrayList<>();
      for (String w : sentence.split("[^a-z]+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      for (int i = 0; i < words.size(); i++) {
        if (!content(words.get(i))) {
          continue;
        }
        StringBuilder phrase = new StringBuilder(words.get(i));
        seen.add(phrase.toString());
        for (int n = 1; n < 3 && i + n < words.size(); n++) {
          phrase.append(' ').append(words.get(i + n));
          if (content(words.get(i + n))) {
            seen.add(phrase.toString());
          }
        }
      }
    }
    seen.removeIf(t -> t.length() > PhraseCounts.MAX_TERM);
    return seen;
  }

  private static boolean content(String w) {
    return w.length() > 2
        && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)
        && !BOILERPLATE.contains(w);
  }
}
