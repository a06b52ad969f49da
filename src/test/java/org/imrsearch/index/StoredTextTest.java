package org.imrsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrsearch.TestLetters;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.generate.LetterGenerator;
import org.imrsearch.generate.SyntheticLetter;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.ingest.LetterFiles;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.junit.jupiter.api.Test;

/** The letter's text, summary and rationales are stored once and read back exactly. */
class StoredTextTest {
  @Test
  void aRationaleWrappedOverLinesIsCutFromTheTextAndJoinedBack() {
    String text =
        "Case summary: a worker hurt his back.\n\nDecision rationale: Physical thera-\n"
            + "py is   recommended for\r\nup to 10 visits.\n\nSincerely";
    String rationale = "Physical thera-py is recommended for up to 10 visits.";
    StoredText.Cut cut = StoredText.cut(text, "a worker hurt his back.", List.of(rationale));

    assertEquals(List.of(StoredText.SUMMARY, 1), cut.holes(), "both passages were cut");
    assertEquals("a worker hurt his back.", cut.summary());
    assertEquals(
        "Physical thera-\npy is   recommended for\r\nup to 10 visits.", cut.rationales().get(0));
    assertEquals(rationale, StoredText.prose(cut.rationales().get(0)));
    assertEquals(
        text,
        StoredText.join(
            cut.pieces(), cut.holes(), cut.summary(), Map.of(1, cut.rationales().get(0))));
  }

  @Test
  void proseThatIsNotInTheTextIsStoredAsItIsAndTheTextKeepsEverything() {
    String text = "Decision rationale: the request is not supported.";
    StoredText.Cut cut = StoredText.cut(text, "", List.of("words the letter never wrote", ""));

    assertEquals(List.of(), cut.holes());
    assertEquals(List.of(text), cut.pieces());
    assertEquals("words the letter never wrote", cut.rationales().get(0));
    assertEquals("", cut.rationales().get(1));
  }

  @Test
  void twoDecisionsWithTheSameRationaleBothReadBack() {
    String text = "1. Rationale: not necessary.\n2. Rationale: not necessary.";
    StoredText.Cut cut = StoredText.cut(text, "", List.of("not necessary.", "not necessary."));

    Map<Integer, String> sources = Map.of(1, cut.rationales().get(0), 2, cut.rationales().get(1));
    assertEquals(text, StoredText.join(cut.pieces(), cut.holes(), cut.summary(), sources));
    assertEquals("not necessary.", StoredText.prose(cut.rationales().get(1)));
  }

  /**
   * On every real letter and on generated letters of every layout, the text joins back exactly and
   * nearly every passage is cut out (what makes the index smaller).
   */
  @Test
  void everyRealAndGeneratedLetterReadsBackExactlyAndItsPassagesAreCut() throws Exception {
    List<Letter> letters = new ArrayList<>();
    List<Path> files = new ArrayList<>(TestLetters.realPdfs());
    files.add(TestLetters.SEED_LETTERS);
    files.add(TestLetters.OLDER_FIXTURES);
    TestLetters.pipeline()
        .run(
            LetterFiles.expand(files),
            (Extraction e) -> {
              if (e.ok()) {
                letters.add(e.letter());
              }
            });
    LetterExtractor extractor = new LetterExtractor(TestLetters.vocabulary());
    LetterGenerator generator = new LetterGenerator(7, List.of());
    for (int i = 0; i < 400; i++) {
      SyntheticLetter synthetic = generator.generate(i);
      letters.add(extractor.extract(synthetic.fileName(), synthetic.text()));
    }

    int values = 0;
    int cut = 0;
    for (Letter letter : letters) {
      List<String> rationales = letter.decisions().stream().map(Decision::rationale).toList();
      StoredText.Cut stored = StoredText.cut(letter.text(), letter.caseSummary(), rationales);
      Map<Integer, String> sources = new HashMap<>();
      for (int n = 1; n <= rationales.size(); n++) {
        sources.put(n, stored.rationales().get(n - 1));
        assertEquals(rationales.get(n - 1), StoredText.prose(sources.get(n)), letter.id());
      }
      assertEquals(letter.caseSummary(), StoredText.prose(stored.summary()), letter.id());
      assertEquals(
          letter.text(),
          StoredText.join(stored.pieces(), stored.holes(), stored.summary(), sources),
          letter.id());
      values += (letter.caseSummary().isEmpty() ? 0 : 1);
      values += (int) rationales.stream().filter(r -> !r.isEmpty()).count();
      cut += stored.holes().size();
    }
    assertTrue(letters.size() > 500, "letters: " + letters.size());
    assertTrue(cut >= 0.95 * values, cut + " of " + values + " passages cut out of the text");
  }
}
