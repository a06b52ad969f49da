package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.model.Guideline;
import org.junit.jupiter.api.Test;

/**
 * Citation paths are made only of the index-config tables' names, whatever the wording around them:
 * guideline blocks as the letters write them, with their typos, wraps and run-on lists.
 */
class CitationPathsTest {
  private final GuidelineParser parser = new GuidelineParser(TestLetters.vocabulary().guidelines());

  private List<String> citations(String block) {
    return parser.parse(block).citations();
  }

  private List<String> sources(String block) {
    return parser.parse(block).sources();
  }

  @Test
  void aBlockCitingThreeSectionsGivesThreePaths() {
    assertEquals(
        List.of(
            "MTUS/Low Back Complaints 2004/Diagnostic Criteria",
            "MTUS/Low Back Complaints 2004/Special Studies",
            "MTUS/Low Back Complaints 2004/Summary"),
        citations(
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Diagnostic Criteria,"
                + " Special Studies, Summary."));
    assertEquals(
        List.of(
            "MTUS/Chronic Pain Medical Treatment 2016/NSAIDs (non-steroidal anti-inflammatory"
                + " drugs)",
            "MTUS/Chronic Pain Medical Treatment 2016/NSAIDs, GI symptoms & cardiovascular risk",
            "MTUS/Chronic Pain Medical Treatment 2016/NSAIDs, specific drug list & adverse"
                + " effects"),
        citations(
            "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs"
                + " (non-steroidal anti-inflammatory drugs), NSAIDs, GI symptoms & cardiovascular\n"
                + "risk, NSAIDs, specific drug list & adverse effects."));
    assertEquals(
        List.of(
            "ODG/Shoulder/Rotator cuff repair",
            "ODG/Shoulder/Acromioplasty",
            "ODG/Shoulder/Partial claviculectomy (Mumford procedure)"),
        citations(
            "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder"
                + " (Acute and Chronic), Rotator cuff repair, Acromioplasty, Mumford procedure."));
  }

  @Test
  void misspelledSectionsAreReadAsTheTableNamesThem() {
    assertEquals(
        List.of(
            "MTUS/Low Back Complaints 2004/Diagnostic Criteria",
            "MTUS/Low Back Complaints 2004/Special Studies"),
        citations(
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Diagnositc Criteria,"
                + " Special Studies."));
    assertEquals(
        List.of(
            "MTUS/Low Back Complaints 2004/Initial Care",
            "MTUS/Low Back Complaints 2004/Physical Methods",
            "MTUS/Low Back Complaints 2004/Follow-up Visits"),
        citations(
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Inital Care, Physical"
                + " Methods, Follow-up Visits."));
  }

  @Test
  void theVariantsOfOneOdgTopicGiveOnePath() {
    String mri = "ODG/Low Back/MRIs (magnetic resonance imaging)";
    for (String written :
        List.of(
            "Low Back, MRI.",
            "Low Back - MRIs.",
            "Low back chapter - MRIs (magnetic resonance imaging).",
            "Low Back Chapter, Magnetic Resonance Imaging (MRI).",
            "Low Back- Lumbar & Thoracic chapter: MRI (magnetic resonance imaging).",
            "Low Back, Lumbar & Thoracic (Acute & Chronic), MRI's (magnetic resonance imaging).",
            "Low Back Chapter, Indications for imaging-Magnetic resonance imaging.")) {
      assertEquals(
          List.of(mri),
          citations(
              "Decision based on Non-MTUS Citation Official Disability Guidelines " + written),
          written);
    }
  }

  @Test
  void aSentenceFragmentIsNeverACitationPath() {
    // CM16 letters: a second chapter, an author, a "Physical Therapy" guideline and a URL ran
    // into the topic.
    assertEquals(
        List.of("ODG/Shoulder", "ODG/Forearm, Wrist & Hand/Physical therapy"),
        citations(
            "Decision based on Non-MTUS Citation Official Disability Guidelines, Shoulder"
                + " Chapter, Hand Chapter, Physical therapy."));
    assertEquals(
        List.of("MTUS/Low Back Complaints 2004/Physical Methods", "ODG/Low Back/Manipulation"),
        citations(
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods."
                + " Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low"
                + " back, Lumbar & Thoracic (Acute & Chronic) - Manipulation Harris J."
                + " Occupational medicine practice guidelines, 2nd edition (2004) p 301."));
    assertEquals(
        List.of(
            "MTUS/General Approaches 2004/Prevention",
            "MTUS/General Approaches 2004/General Approach to Initial Assessment and"
                + " Documentation",
            "MTUS/General Approaches 2004/Initial Approaches to Treatment",
            "MTUS/General Approaches 2004/Cornerstones of Disability Prevention and Management"),
        citations(
            "Decision based on MTUS General Approaches 2004, Section(s): Prevention, General\n"
                + "Approach to Initial Assessment and Documentation, Initial Approaches to"
                + " Treatment,\nCornerstones of Disability Prevention and Management."));
    assertEquals(
        List.of("ODG/Knee & Leg/Physical therapy"),
        citations(
            "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee"
                + " Official Disability (ODG), Physical Therapy."));
  }

  @Test
  void aSectionTheTableDoesNotKnowLeavesThePartAlone() {
    assertEquals(
        List.of("MTUS/Elbow Complaints 2007"),
        citations("Decision based on MTUS Elbow Complaints 2007, Section(s): 326."));
    assertEquals(
        List.of("ODG/Head"),
        citations(
            "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Head"
                + " (updated 11/22/16), a topic no table lists."));
    assertEquals(
        List.of("ODG"),
        citations(
            "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Gym"
                + " Memberships."));
  }

  @Test
  void anOtherSourceIsNamedByItsPublisherOrSiteNeverByAUrlFragment() {
    String outside =
        "The Claims Administrator based their decision on recommendation(s) outside of the MTUS"
            + " Guidelines. Decision based on Non-MTUS Citation ";
    assertEquals(
        List.of("Other/www.drugs.com"),
        citations(outside + "http://www.drugs.com/famotidine.html."));
    assertEquals(
        List.of("Other/Medicare"),
        citations(
            outside
                + "Centers for Medicare and Medicaid services, Physician Fee Schedule Search."));
    assertEquals(
        List.of("Other/National Heart, Lung, and Blood Institute", "Other/UpToDate"),
        citations(
            outside
                + "What is an electrocardiogram? National Heart, Lung, and Blood Institute,"
                + " Department of Health and Human Services."
                + " http://www.nhlbi.nih.gov/health/health-topics/topics/ekg, accessed"
                + " 02/18/2017, Benditt D, et al. Syncope in adults. UpToDate, accessed"
                + " 02/18/2017."));
    assertEquals(
        List.of("Other"),
        citations(
            outside
                + "Smith J, et al. Outcomes of lumbar fusion. Spine Journal 2015;"
                + " 40(3):211-219."));
  }

  @Test
  void acoemChapterAdoptedByTheMtusCountsAsMtus() {
    assertEquals(
        List.of("MTUS/Neck and Upper Back Complaints 2004"),
        citations("Medical Treatment Guideline(s) used: MTUS ACOEM Chapter 8."));
    Guideline whichIsPart =
        parser.parse(
            "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints,\n"
                + "pages 303-305, Special Studies, which is part of the MTUS.");
    assertEquals(List.of("MTUS"), whichIsPart.sources());
    assertEquals(List.of("MTUS/Low Back Complaints 2004/Special Studies"), whichIsPart.citations());
    assertEquals(
        List.of("MTUS"),
        sources(
            "The Expert Reviewer based his/her decision on the ACOEM Occupational Medicine"
                + " Practice Guidelines, Shoulder Complaints chapter, as adopted by the MTUS."));
    assertEquals(
        List.of("MTUS/Knee Complaints 2004/Surgical Considerations"),
        citations("MTUS (ACOEM) Chapter 13, Knee Complaints, page 343, Surgical Considerations."));
    assertEquals(
        List.of("MTUS/General Approaches 2004/Independent Medical Examinations and Consultations"),
        citations("CA MTUS/ACOEM Chapter 7, page 127."));
    assertEquals(
        List.of("MTUS/General Approaches 2004/Independent Medical Examinations and Consultations"),
        citations(
            "ACOEM Practice Guidelines, 2nd Edition (2004), Independent Medical Examinations and\n"
                + "Consultations, page 127."));
  }

  @Test
  void acoemOutsideTheMtusStaysAcoem() {
    Guideline g =
        parser.parse(
            "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS"
                + " Guidelines. Decision based on Non-MTUS Citation ACOEM Occupational Medicine"
                + " Practice Guidelines, 3rd Edition (2011), Hip and Groin Disorders.");
    assertEquals(List.of("ACOEM"), g.sources());
    assertEquals(List.of("ACOEM/Hip and Groin"), g.citations());
    assertEquals(
        List.of("ACOEM"),
        sources("ACOEM Practice Guidelines, Shoulder Disorders, which is not part of the MTUS."));
  }

  @Test
  void aNegatedMtusMentionStaysNoCitation() {
    Guideline g =
        parser.parse(
            "The Expert Reviewer did not cite the MTUS. The MTUS is silent on this request."
                + " Official Disability Guidelines (ODG), Pain Chapter, Zolpidem.");
    assertEquals(List.of("ODG"), g.sources());
    assertEquals(List.of("ODG/Pain/Zolpidem (Ambien)"), g.citations());
  }

  @Test
  void citationsAreUniquePerBlock() {
    assertEquals(
        List.of("ODG/Low Back/Physical therapy", "ODG/Physical Therapy Guidelines"),
        citations(
            "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back,"
                + " Physical Therapy, Physical therapy. Official Disability Guidelines (ODG)"
                + " Physical Therapy Guidelines. ODG Physical Therapy Guidelines."));
  }

  @Test
  void aBareMentionBesideAMoreSpecificCitationAddsNoPath() {
    // professional-review-1: the reviewer explains why the MTUS applies.
    assertEquals(
        List.of(
            "MTUS/Chronic Pain Medical Treatment 2009/Epidural steroid injections (ESIs)",
            "ODG/Low Back/Epidural steroid injections (ESIs)"),
        citations(
            "California MTUS Chronic Pain Medical Treatment Guidelines (2009), page 46, Epidural\n"
                + "steroid injections (ESIs). The MTUS specifically sets out the criteria for the"
                + " use of epidural steroid injections. Official Disability Guidelines (ODG), Low"
                + " Back Chapter (updated 05/2013), Epidural steroid injections (ESIs),"
                + " therapeutic, was also consulted."));
  }
}
