package org.imrsearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TableRowTest {

  @Test
  void lowersLettersButKeepsEscapesAsWritten() {
    assertEquals(
        "\\bmri'?s?\\b|\\S+\\p{Lu}\\W", TableRow.lowerCaseLiterals("\\bMRI'?s?\\b|\\S+\\p{Lu}\\W"));
    assertEquals(
        "\\bpt\\b(?!/ptt)|[a-z]\\Qx\\E",
        TableRow.lowerCaseLiterals("\\bPT\\b(?!/PTT)|[A-Z]\\QX\\E"));
  }

  @Test
  void aLowerCaseRuleMatchesWhatTheCaseInsensitiveRuleMatches() {
    TableRow row =
        new TableRow(
            "treatments.tsv", 1, List.of("Imaging", "\\bMRI'?s?\\b|\\bCT\\b|x-?\\s*rays?\\b"));
    Pattern insensitive = row.regex(1);
    Pattern lower = row.lowerCaseRegex(1);
    for (String item :
        List.of(
            "MRI of the right shoulder",
            "Repeat mri's",
            "X-Rays lumbar",
            "CTA chest",
            "Acupuncture")) {
      assertEquals(
          insensitive.matcher(item).find(),
          lower.matcher(item.toLowerCase(Locale.ROOT)).find(),
          item);
    }
    assertTrue(lower.matcher("ct scan").find());
    assertFalse(lower.matcher("cta chest").find());
  }

  @Test
  void aTreatmentRuleNeedsOneOfTheWordsItsAlternativesStartWith() {
    assertEquals(
        List.of("mri", "ct", "magnetic", "lab"),
        TreatmentRules.requiredWords(
            TableRow.lowerCaseLiterals(
                "\\bMRI'?s?\\b|\\bCT\\b|magnetic\\s+resonance|\\blabs?\\b")));
    assertEquals(
        null,
        TreatmentRules.requiredWords("x-?\\s*rays?|imaging"),
        "an alternative starting with one letter");
    assertEquals(
        null,
        TreatmentRules.requiredWords("(?:pre|post)-op|surgery"),
        "an alternative starting with a group");
    assertEquals(
        List.of("physical", "therap"),
        TreatmentRules.requiredWords("physical\\s+(?:therapy|medicine)|therap(?:y|ies)"));
  }
}
