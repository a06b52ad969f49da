package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Guideline;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.imrsearch.model.Patient;
import org.imrsearch.model.Reviewer;
import org.junit.jupiter.api.Test;

/** The stats report counts values per field, warnings by kind, and the most frequent values. */
class ExtractionStatsTest {
  @Test
  void countsFieldsWarningKindsAndTopValues() {
    ExtractionStats stats = new ExtractionStats();
    Guideline mtus =
        new Guideline("MTUS", List.of("MTUS"), List.of("MTUS/Low Back Complaints 2004"));
    Decision cited =
        new Decision("MRI", null, Outcome.UPHELD, "Imaging", Guideline.NONE, mtus, "r");
    Decision uncited =
        new Decision(
            "PT", null, Outcome.OVERTURNED, "Physical Therapy", Guideline.NONE, Guideline.NONE, "");
    stats.add(
        letter(
            "A",
            new Reviewer("expert reviewer", List.of("Family Practice"), List.of("California")),
            List.of(cited, cited),
            List.of("no 'Decision rationale:' for item 'MRI'")));
    stats.add(
        letter(
            "B",
            new Reviewer(null, List.of("Family Practice", "Sports Medicine"), List.of()),
            List.of(uncited),
            List.of("no 'Decision rationale:' for item 'PT 12 visits'", "no case number found")));
    stats.addFailure();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    stats.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(report.contains("letters: 2 extracted, 1 failed; decisions: 3"), report);
    assertTrue(report.matches("(?s).*reviewer\\.title\\s+1\\s+50\\.0%.*"), report);
    assertTrue(report.matches("(?s).*reviewerGuideline\\.sources\\s+2\\s+66\\.7%.*"), report);
    assertTrue(report.matches("(?s).*rationale\\s+2\\s+66\\.7%.*"), report);
    assertTrue(report.contains("2  no … for item …"), "one kind, details dropped:\n" + report);
    assertTrue(report.contains("1  no case number found"), report);
    assertTrue(
        report.matches("(?s).*top specialties:\\s+2  Family Practice\\s+1  Sports Medicine.*"),
        report);
    assertTrue(report.contains("2  MTUS/Low Back Complaints 2004"), report);
  }

  private static Letter letter(
      String id, Reviewer reviewer, List<Decision> decisions, List<String> warnings) {
    return new Letter(
        id + ".txt",
        id,
        "dwc-2016",
        false,
        id,
        LocalDate.of(2016, 1, 2),
        null,
        null,
        null,
        null,
        reviewer,
        Patient.UNKNOWN,
        List.of(),
        "summary",
        decisions,
        warnings,
        "text");
  }
}
