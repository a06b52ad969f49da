package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.junit.jupiter.api.Test;

/** Item lines in the forms real letters use, on short letters built from real passages. */
class DecisionExtractionTest {
  private final LetterExtractor extractor = new LetterExtractor(TestLetters.vocabulary());

  private static String letter(String decisions) {
    return """
    HOW THE IMR FINAL DETERMINATION WAS MADE
    Certification(s)/Specialty: Family Practice

    CLINICAL CASE SUMMARY
    The injured worker is a 48 year old male.

    IMR ISSUES, DECISIONS AND RATIONALES
    The Final Determination was based on decisions for the disputed items/services set forth below:

    """
        + decisions;
  }

  private static final String BLOCK =
      """

      Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.

      MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.

      Decision rationale: The request is not medically necessary.

      """;

  private List<Decision> decisions(String body) throws NotALetterException {
    return extractor.extract("test", letter(body)).decisions();
  }

  @Test
  void extractsWrappedItemLine() throws NotALetterException {
    List<Decision> d =
        decisions(
            "Chiropractic care to the low back two times a week for four\nweeks:\nOverturned\n"
                + BLOCK);
    assertEquals(
        "Chiropractic care to the low back two times a week for four weeks", d.get(0).item());
    assertEquals(Outcome.OVERTURNED, d.get(0).outcome());
    assertEquals("Chiropractic", d.get(0).treatmentCategory());
  }

  @Test
  void decidedItemOfAModifiedRequestIsTheRemainingPortion() throws NotALetterException {
    String paragraph =
        """
        Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the
        Claims Administrator. The remaining IMR eligible portion of the original request,
        Baclofen 100mg #3: Upheld
        """;
    Decision d = decisions(paragraph + BLOCK).get(0);
    assertEquals("Baclofen 100mg #3", d.item());
    assertEquals(
        "Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the"
            + " Claims Administrator. The remaining IMR eligible portion of the original request,"
            + " Baclofen 100mg #3",
        d.itemContext());
  }

  @Test
  void decidedItemOfALeftEligibleRequestIsTheOriginalRequest() throws NotALetterException {
    String paragraph =
        """
        Physical therapy 2 times a week for 6 weeks was the original request. The Claims Administrator authorized
        physical therapy 2 times a week for 3 weeks, leaving the original request IMR eligible. The original request,
        physical therapy 2 times a week for 6 weeks is: Upheld
        """;
    assertEquals(
        "physical therapy 2 times a week for 6 weeks", decisions(paragraph + BLOCK).get(0).item());
  }

  @Test
  void keepsColonsInsideTheItem() throws NotALetterException {
    List<Decision> d =
        decisions(
            "NCV bilateral lower extremities QTY: 2: Upheld\n"
                + BLOCK
                + "Associated surgical service:  Cold therapy unit: Overturned\n"
                + BLOCK);
    assertEquals(
        List.of(
            "NCV bilateral lower extremities QTY: 2",
            "Associated surgical service: Cold therapy unit"),
        d.stream().map(Decision::item).toList());
    assertEquals(
        List.of(Outcome.UPHELD, Outcome.OVERTURNED), d.stream().map(Decision::outcome).toList());
  }

  @Test
  void findsItemBoundariesWithoutBlankLines() throws NotALetterException {
    String body = BLOCK.replace("\n\n", "\n").strip();
    List<Decision> d =
        decisions(
            "MRI of the lumbar spine: Upheld\n"
                + body
                + "\nA second line of rationale that ends here.\n"
                + "Lumbar support:\nUpheld\n"
                + body);
    assertEquals(
        List.of("MRI of the lumbar spine", "Lumbar support"),
        d.stream().map(Decision::item).toList());
    assertEquals(
        "The request is not medically necessary. A second line of rationale that ends here.",
        d.get(0).rationale());
  }

  @Test
  void readsTheExpertReviewerGuidelineLabel() throws NotALetterException {
    Decision d =
        decisions(
                "Lumbar support: Upheld\n"
                    + BLOCK.replace(
                        "MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.",
                        "Expert Reviewer guideline: Decision based on Non-MTUS Citation Official"
                            + " Disability Guidelines (ODG), Low Back."))
            .get(0);
    assertEquals(List.of("MTUS"), d.claimsAdministratorGuideline().sources());
    assertEquals(List.of("ODG"), d.reviewerGuideline().sources());
  }

  @Test
  void anItemWithoutContextHasNoItemContext() throws NotALetterException {
    assertNull(decisions("MRI of the lumbar spine: Upheld\n" + BLOCK).get(0).itemContext());
  }

  @Test
  void readsNumberedItemsUnderModernHeadings() throws NotALetterException {
    // A transition-period letter: the 2014 headings, but the outcome written as a sentence.
    Letter l =
        extractor.extract(
            "x",
            letter(
                """
                1. Chiropractic treatment 2 times a week for 4 weeks is not medically necessary and appropriate.
                Guidelines Used in Decision:
                MTUS Chronic Pain Medical Treatment Guidelines, Manual therapy & manipulation, page 58.
                Rationale for the Decision:
                The guidelines allow a trial of 6 visits; 24 visits have been completed without documented improvement.

                2. TENS unit is medically necessary and appropriate.
                Guidelines Used in Decision:
                Official Disability Guidelines (ODG), Pain Chapter, TENS.
                Rationale for the Decision:
                A one-month trial was successful, and the request is medically necessary.
                """));
    assertEquals(
        List.of("Chiropractic treatment 2 times a week for 4 weeks", "TENS unit"),
        l.decisions().stream().map(Decision::item).toList());
    assertEquals(
        List.of(Outcome.UPHELD, Outcome.OVERTURNED),
        l.decisions().stream().map(Decision::outcome).toList());
    assertEquals(List.of("ODG"), l.decisions().get(1).reviewerGuideline().sources());
    assertTrue(
        l.warnings().contains("decisions found only in another layout's form"),
        l.warnings().toString());
  }

  @Test
  void readsTheNoticeFormWithBothPartiesGuidelines() throws NotALetterException {
    Letter l =
        extractor.extract(
            "x",
            """
            MAXIMUS FEDERAL SERVICES, INC.
            Notice of Independent Medical Review Determination
            Dated: 12/2/2013
            IMR Case Number: CM13-0012345

            1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm patches is not medically necessary
            and appropriate.

            INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
            1) Regarding the request for Lidoderm patches:
            Medical Treatment Guideline(s) the Claims Administrator based its decision on:
            The Official Disability Guidelines (ODG), Pain Chapter, Lidoderm.
            Medical Treatment Guideline(s) the Expert Reviewer based his/her decision on:
            Chronic Pain Medical Treatment Guidelines (2009), Lidoderm (lidocaine patch), page 56-57, which is part of the MTUS.
            Rationale for the Decision:
            Lidoderm is recommended only after a trial of first-line therapy, which is not documented. The request is not
            medically necessary and appropriate.
            """);
    assertEquals("notice-2013", l.layout());
    assertEquals(LocalDate.of(2013, 12, 2), l.decisionDate());
    Decision d = l.decisions().get(0);
    assertEquals("Lidoderm patches", d.item());
    assertEquals(Outcome.UPHELD, d.outcome());
    assertEquals(List.of("ODG"), d.claimsAdministratorGuideline().sources());
    assertEquals(List.of("MTUS"), d.reviewerGuideline().sources());
    assertTrue(d.rationale().startsWith("Lidoderm is recommended only after"), d.rationale());
  }

  @Test
  void textThatIsNotALetterIsRefusedWithAReason() {
    NotALetterException e =
        assertThrows(
            NotALetterException.class,
            () -> extractor.extract("x", "Dear friend, lunch is at noon."));
    assertEquals(
        "not an IMR determination letter (no known layout's headings found)", e.getMessage());
  }

  @Test
  void aLetterWithoutDecisionsIsKeptAndSaysSo() throws NotALetterException {
    Letter l = extractor.extract("x", letter("The items could not be read.\n"));
    assertEquals(List.of(), l.decisions());
    assertEquals(
        List.of(
            "no case number found",
            "no decision date found",
            "no diagnoses found",
            "no decisions found"),
        l.warnings());
  }
}
