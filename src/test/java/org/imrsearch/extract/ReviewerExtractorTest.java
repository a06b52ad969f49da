package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.model.Reviewer;
import org.junit.jupiter.api.Test;

/** Reviewer credentials in the list style and in prose, with the slips real letters have. */
class ReviewerExtractorTest {
  private final ReviewerExtractor extractor = new ReviewerExtractor(TestLetters.vocabulary());
  private final List<String> warnings = new ArrayList<>();

  @Test
  void readsASpecialtyListWrappedOverTwoLines() {
    Reviewer r =
        extractor.extract(
            """
            The Expert Reviewer has the following credentials:
            State(s) of Licensure: California,North Carolina
            Certification(s)/Specialty: Preventive Medicine, Occupational Medicine, Public Health &
            General Preventive Medicine

            CLINICAL CASE SUMMARY\
            """,
            warnings);
    assertEquals(
        List.of(
            "Preventive Medicine",
            "Occupational Medicine",
            "Public Health & General Preventive Medicine"),
        r.specialties());
    assertEquals(List.of("California", "North Carolina"), r.licensure());
    assertEquals(List.of(), warnings);
  }

  @Test
  void correctsATypoAndAnAlias() {
    Reviewer r =
        extractor.extract(
            "Certification(s)/Specialty: Orthopedic Surgery, Sports Medicinea, Chiropractor\n\n",
            warnings);
    assertEquals(List.of("Orthopedic Surgery", "Sports Medicine", "Chiropractic"), r.specialties());
  }

  @Test
  void readsProseCredentialsWithASubspecialty() {
    Reviewer r =
        extractor.extract(
            "MAXIMUS Federal Services sent the complete case file to a physician reviewer. The"
                + " physician reviewer is Board Certified in Pain Management, has a subspecialty in"
                + " Disability Evaluation and is licensed to practice in California. He/she has"
                + " been in active clinical practice",
            warnings);
    assertEquals("physician reviewer", r.title());
    assertEquals(List.of("Pain Management", "Disability Evaluation"), r.specialties());
    assertEquals(List.of("California"), r.licensure());
  }

  @Test
  void splitsTwoSpecialtiesJoinedByAnd() {
    Reviewer r =
        extractor.extract(
            "HOW THE IMR FINAL DETERMINATION WAS MADE The physician reviewer is Board Certified in"
                + " Internal Medicine and Pulmonary Diseases, and is licensed to practice in"
                + " California.",
            warnings);
    assertEquals(List.of("Internal Medicine", "Pulmonary Disease"), r.specialties());
  }

  @Test
  void keepsAnUnknownSpecialtyAsWrittenAndWarns() {
    Reviewer r =
        extractor.extract(
            "Certification(s)/Specialty: Family Practice, Underwater Medicine\n\n", warnings);
    assertEquals(List.of("Family Practice", "Underwater Medicine"), r.specialties());
    assertEquals(List.of("unknown specialty 'Underwater Medicine' kept as written"), warnings);
  }
}
