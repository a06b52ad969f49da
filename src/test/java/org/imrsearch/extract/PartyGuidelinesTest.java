package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.junit.jupiter.api.Test;

/**
 * Each party gets its own guideline block, however a letter words them: one paragraph naming both
 * parties (the older layouts), a label per party, or the reviewer adopting the Claims
 * Administrator's guidelines.
 */
class PartyGuidelinesTest {
  private final PartyGuidelines parties =
      new PartyGuidelines(new GuidelineParser(TestLetters.vocabulary().guidelines()));
  private final LetterExtractor extractor = new LetterExtractor(TestLetters.vocabulary());

  /** A paragraph under a label that names no party. */
  private PartyGuidelines.Pair oneParagraph(String paragraph) {
    return parties.read("", paragraph);
  }

  @Test
  void eachPartyGetsItsOwnGuidelinesFromOneParagraph() {
    PartyGuidelines.Pair p =
        oneParagraph(
            """
            The Claims Administrator based its decision on the MTUS Chronic Pain Medical Treatment
            Guidelines. The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical
            Treatment Guidelines (2009), page 58, Manual therapy & manipulation, and on the ODG
            Low Back Chapter, Manipulation.""");
    assertEquals(List.of("MTUS"), p.claimsAdministrator().sources());
    assertEquals(
        List.of("MTUS/Chronic Pain Medical Treatment"), p.claimsAdministrator().citations());
    assertEquals(List.of("MTUS", "ODG"), p.reviewer().sources());
    assertEquals(
        List.of(
            "MTUS/Chronic Pain Medical Treatment 2009/Manual therapy & manipulation",
            "ODG/Low Back/Manipulation"),
        p.reviewer().citations());
  }

  @Test
  void thePartiesMayComeInEitherOrderWithAnyVerbAndName() {
    PartyGuidelines.Pair p =
        oneParagraph(
            "The expert reviewer relied on the Official Disability Guidelines (ODG), Knee & Leg"
                + " Chapter, Continuous passive motion (CPM). The utilization review physician"
                + " cited the MTUS/ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 13,"
                + " Knee Complaints.");
    assertEquals(List.of("MTUS"), p.claimsAdministrator().sources());
    assertEquals(List.of("MTUS/Knee Complaints 2004"), p.claimsAdministrator().citations());
    assertEquals(
        List.of("ODG/Knee & Leg/Continuous passive motion (CPM)"), p.reviewer().citations());

    PartyGuidelines.Pair ur =
        oneParagraph(
            "UR based its decision on the Official Disability Guidelines, Pain Chapter,\n"
                + "Benzodiazepines; the Expert Reviewer based their decision on the Chronic Pain\n"
                + "Medical Treatment Guidelines (2009), page 24, Benzodiazepines, which is part of"
                + " the MTUS.");
    assertEquals(List.of("ODG/Pain/Benzodiazepines"), ur.claimsAdministrator().citations());
    assertEquals(
        List.of("MTUS/Chronic Pain Medical Treatment 2009/Benzodiazepines"),
        ur.reviewer().citations());

    PartyGuidelines.Pair lower =
        oneParagraph(
            "The claims administrator did not cite any medical evidence for its decision. The"
                + " Physician Reviewer based his/her decision on the MTUS Low Back Complaints"
                + " 2004, Special Studies.");
    assertEquals(List.of(), lower.claimsAdministrator().sources());
    assertEquals(
        List.of("MTUS/Low Back Complaints 2004/Special Studies"), lower.reviewer().citations());
  }

  @Test
  void aReviewerWhoFoundTheClaimsAdministratorsGuidelinesRelevantSharesItsSources() {
    for (String finding :
        List.of(
            "The Expert Reviewer found that the guidelines cited by the Claims Administrator were"
                + " relevant and appropriate.",
            "The expert reviewer found the guideline used by the claims administrator was relevant"
                + " and appropriate for the request.",
            "The Expert Reviewer found that the guidelines cited by UR were appropriate.")) {
      PartyGuidelines.Pair p =
          oneParagraph(
              "The Claims Administrator based its decision on the Official Disability Guidelines"
                  + " (ODG), Pain Chapter, Opioids, specific drug list. "
                  + finding);
      assertEquals(List.of("ODG"), p.reviewer().sources(), finding);
      assertEquals(List.of("ODG/Pain/Opioids, specific drug list"), p.reviewer().citations());
      assertEquals(p.claimsAdministrator().citations(), p.reviewer().citations());
    }
  }

  @Test
  void aReviewerWhoFoundThemNotRelevantKeepsOnlyTheirOwn() {
    PartyGuidelines.Pair p =
        oneParagraph(
            "The Claims Administrator based its decision on the Official Disability Guidelines"
                + " (ODG), Pain Chapter, Lidoderm. The Expert Reviewer found that the guidelines"
                + " cited by the Claims Administrator were not relevant or appropriate. The Expert"
                + " Reviewer based his/her decision on the Chronic Pain Medical Treatment"
                + " Guidelines (2009), page 56-57, Lidoderm (lidocaine patch), which is part of the"
                + " MTUS.");
    assertEquals(List.of("ODG"), p.claimsAdministrator().sources());
    assertEquals(List.of("MTUS"), p.reviewer().sources());
    assertEquals(
        List.of("MTUS/Chronic Pain Medical Treatment 2009/Lidoderm (lidocaine patch)"),
        p.reviewer().citations());
  }

  @Test
  void aReviewerWhoAlsoNamesTheirOwnKeepsTheirOwn() {
    PartyGuidelines.Pair p =
        oneParagraph(
            "The Claims Administrator based its decision on the MTUS. The Expert Reviewer found"
                + " that the guidelines cited by the Claims Administrator were relevant and"
                + " appropriate. The Expert Reviewer also cited the Official Disability Guidelines"
                + " (ODG), Low Back Chapter, Lumbar supports.");
    assertEquals(List.of("ODG"), p.reviewer().sources());
    assertEquals(List.of("ODG/Low Back/Lumbar supports"), p.reviewer().citations());
  }

  @Test
  void eachPartyGetsItsOwnGuidelinesInAnOlderLetter() throws NotALetterException {
    Letter l =
        extractor.extract(
            "x",
            """
            MAXIMUS FEDERAL SERVICES, INC.
            Notice of Independent Medical Review Determination
            Dated: 11/5/2013
            IMR Case Number: CM13-0054321

            1) MAXIMUS Federal Services, Inc. has determined the request for a lumbar MRI is not medically
            necessary and appropriate.

            INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
            1) Regarding the request for a lumbar MRI:
            Medical Treatment Guideline(s) used:
            The Claims Administrator based its decision on the Official Disability Guidelines (ODG), Low
            Back Chapter, MRIs (magnetic resonance imaging). The Expert Reviewer based his/her decision
            on the ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints,
            pages 303-304, Special Studies, which is part of the MTUS.
            Rationale for the Decision:
            There are no red flags and no progressive neurologic deficit. The request is not medically
            necessary and appropriate.
            """);
    Decision d = l.decisions().get(0);
    assertEquals(List.of("ODG"), d.claimsAdministratorGuideline().sources());
    assertEquals(
        List.of("ODG/Low Back/MRIs (magnetic resonance imaging)"),
        d.claimsAdministratorGuideline().citations());
    assertEquals(List.of("MTUS"), d.reviewerGuideline().sources());
    assertEquals(
        List.of("MTUS/Low Back Complaints 2004/Special Studies"),
        d.reviewerGuideline().citations());
  }
}
