package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.model.Guideline;
import org.junit.jupiter.api.Test;

/** Guideline blocks as real letters write them, read into families and citation paths. */
class GuidelineParserTest {
  private final GuidelineParser parser = new GuidelineParser(TestLetters.vocabulary().guidelines());

  @Test
  void readsSeveralMtusPartsWithSectionsAndANonMtusAcoemCitation() {
    // CM16-0219557, MAXIMUS guideline, as wrapped in the PDF.
    Guideline g =
        parser.parse(
            """
            Decision based on MTUS Low Back Complaints 2004, Section(s):
            Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks.  Decision based
            on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back
            Disorders, pg. 607.\
            """);
    assertEquals(List.of("MTUS", "ACOEM"), g.sources());
    assertEquals(
        List.of(
            "MTUS/Low Back Complaints 2004/Summary",
            "MTUS/Chronic Pain Medical Treatment 2016/Facet blocks",
            "ACOEM/Low Back"),
        g.citations());
  }

  @Test
  void aBlockWrappedDifferentlyIsRememberedByItsTextAndParsesAlike() {
    // The same formula as two letters wrap it: parsed once, the second answered from memory.
    Guideline first =
        parser.parse(
            "Decision based on MTUS Chronic Pain Medical Treatment Guidelines,\n"
                + "Section(s): Opioids");
    Guideline second =
        parser.parse(
            "Decision based on MTUS Chronic Pain Medical\n"
                + "Treatment Guidelines, Section(s): Opioids");
    assertSame(first, second);
    Guideline fresh =
        new GuidelineParser(TestLetters.vocabulary().guidelines())
            .parse(
                "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Section(s):"
                    + " Opioids");
    assertEquals(fresh, second);
    assertEquals(List.of("MTUS"), fresh.sources());
  }

  @Test
  void aNegatedMtusMentionIsNotAnMtusCitation() {
    // seed-1, MAXIMUS guideline.
    Guideline g =
        parser.parse(
            "The Expert Reviewer did not base their decision on the MTUS. Decision based on"
                + " Non-MTUS Citation OFFICIAL DISABILITY GUIDELINES (ODG), MENTAL ILLNESS & STRESS"
                + " CHAPTER, OFFICE VISITS");
    assertEquals(List.of("ODG"), g.sources());
    assertEquals(List.of("ODG/Mental Illness & Stress/Office visits"), g.citations());
  }

  @Test
  void noEvidenceCitedMeansNoSources() {
    Guideline g =
        parser.parse(
            "The Claims Administrator did not cite any medical evidence for its decision.");
    assertEquals(List.of(), g.sources());
    assertEquals(List.of(), g.citations());
  }

  @Test
  void anOutsideSourceThatIsNeitherOdgNorAcoemIsOther() {
    // CM16-0221706, MAXIMUS guideline.
    Guideline g =
        parser.parse(
            "The Expert Reviewer based their decision on recommendation(s) outside\n"
                + "of the MTUS Guidelines. Decision based on Non-MTUS Citation Sildenafil: Drug"
                + " information,\n"
                + "accessed from UpToDate.com on 12/17/2016.");
    assertEquals(List.of("Other"), g.sources());
    assertEquals(List.of("Other/UpToDate"), g.citations());
  }

  @Test
  void odgFollowedByOtherGuidelinesCountsBothFamilies() {
    Guideline g =
        parser.parse(
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies. Decision"
                + " based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back"
                + " (Thoracic and Lumbar, Acute and Chronic) Chapter, Epidural Steroid Injection"
                + " (ESI) and Other Medical Treatment Guidelines www.mdguidelines.com.");
    assertEquals(List.of("MTUS", "ODG", "Other"), g.sources());
    assertEquals(
        List.of(
            "MTUS/Low Back Complaints 2004/Special Studies",
            "ODG/Low Back/Epidural steroid injections (ESIs)",
            "Other/www.mdguidelines.com"),
        g.citations());
  }

  @Test
  void opioidSectionNamesDoNotStartAnotherMtusPart() {
    Guideline g =
        parser.parse(
            "Decision based on MTUS Opioid Treatment 2016, Section(s): 1.4\n"
                + "Opioids for Acute Pain: Opioids for Post-operative Pain, 3.3 Opioids for Chronic"
                + " Pain and Chronic Opioid Treatment: Initiating and Monitoring Chronic Opioid"
                + " Treatment.");
    assertEquals(List.of("MTUS"), g.sources());
    assertEquals(
        List.of(
            "MTUS/Opioid Treatment 2016/1.4 Opioids for Post-operative Pain",
            "MTUS/Opioid Treatment 2016/3.3 Initiating and Monitoring Chronic Opioid Treatment"),
        g.citations());
  }

  @Test
  void acoemSecondEditionAdoptedByTheMtusCountsAsMtus() {
    // The 2013 layouts cite the ACOEM chapters the MTUS adopted in 2004.
    Guideline g =
        parser.parse(
            "MTUS/ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 13, Knee Complaints,"
                + " pages\n"
                + "344-345, Surgical Considerations; Official Disability Guidelines (ODG), Knee &"
                + " Leg Chapter\n"
                + "(updated 06/2013), Meniscectomy.");
    assertEquals(List.of("MTUS", "ODG"), g.sources());
    assertEquals("ODG/Knee & Leg/Meniscectomy", g.citations().get(1));
  }

  @Test
  void pagesAreDroppedFromTheSectionOfAnOlderCitation() {
    Guideline g =
        parser.parse(
            "Decision based on MTUS Chronic Pain Treatment Guidelines COGNITIVE BEHAVIORAL THERAPY"
                + " Page(s): 23.");
    assertEquals(
        List.of("MTUS/Chronic Pain Medical Treatment/Cognitive behavioral therapy"), g.citations());
  }
}
