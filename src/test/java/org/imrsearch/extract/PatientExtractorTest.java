package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The injured worker's injury date, read from prose in every phrasing and date format. */
class PatientExtractorTest {
  private static final LocalDate NOV_21 = LocalDate.of(2016, 11, 21);

  private static LocalDate injuryIn(String text) {
    return PatientExtractor.extract("", null, text).injuryDate();
  }

  @Test
  void injuryDateInProseInEveryDateFormat() {
    for (String date :
        List.of(
            "11/21/2016",
            "11-21-2016",
            "11-21-16",
            "11/21/16",
            "November 21, 2016",
            "November 21 2016",
            "Nov. 21, 2016",
            "Nov 21, 2016",
            "November 21st, 2016",
            "21 November 2016",
            "21st of November, 2016",
            "2016-11-21")) {
      assertEquals(
          NOV_21,
          injuryIn(
              "The injured worker is a 48 year old male who sustained an industrial injury on "
                  + date
                  + ". He was seen on 12/01/2016."),
          date);
    }
  }

  @Test
  void injuryDateInProseWhateverTheVerb() {
    for (String sentence :
        List.of(
            "This is a 24 year old female with a date of injury on 11-21-2016.",
            "The patient is a 38 year-old male with a date of injury of 11/21/2016.",
            "Date of injury: November 21, 2016.",
            "DOI: 11/21/16. The patient presents with pain.",
            "The employee was injured on 11/21/2016 while lifting a box.",
            "The patient reported an injury on 11-21-2016 to the low back.",
            "She sustained a work-related injury on Nov. 21, 2016.",
            "The applicant was injured at work on 21 November 2016.",
            "The claimant injured his low back on 11/21/2016 while lifting.",
            "He sustained an industrial-work injury on 11-21-16.",
            "The injured worker is a 65 year old male with an industrial injury date of"
                + " 11-21-2016.",
            "The injured worker is a 29 year old female who sustained an industrial injury"
                + " November 21, 2016. Diagnoses are sprain of ligaments.",
            "This case involves a now 59-year-old male with a history of an occupational claim"
                + " from 11/21/2016.",
            "The injured worker sustained an injury on or about 11/21/2016.",
            "The applicant has filed a claim for knee pain reportedly associated with an"
                + " industrial injury of November 21, 2016.")) {
      assertEquals(NOV_21, injuryIn(sentence), sentence);
    }
  }

  @Test
  void aDateWrappedOverLinesIsOneDate() {
    assertEquals(
        NOV_21,
        injuryIn("The injured worker sustained an industrial injury on November\n21, 2016."));
    assertEquals(
        NOV_21, injuryIn("The injured worker sustained an industrial injury on 11-21-\n2016."));
    assertEquals(NOV_21, injuryIn("The worker was injured on\n11/21/2016 at work."));
    assertEquals(NOV_21, injuryIn("a history of an occupational claim from 11/21/\n2016."));
  }

  @Test
  void theHeadersDateOfInjuryWins() {
    LocalDate header = LocalDate.of(2016, 10, 13);
    assertEquals(
        header,
        PatientExtractor.extract("", header, "The worker was injured on 11/21/2016.").injuryDate());
  }

  @Test
  void aVisitDateIsNotAnInjuryDate() {
    assertNull(injuryIn("The injured worker was evaluated on 11/21/2016 for neck pain."));
    assertNull(injuryIn("The patient sustained a work-related injury in 2003."));
    assertNull(
        injuryIn(
            "The patient reported a work related injury with the dates of August 4th 2009"
                + " continuing through October 9th 2009."),
        "a cumulative trauma's range is no single injury date");
  }
}
