package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.imrsearch.TestLetters;
import org.junit.jupiter.api.Test;

/** The diagnoses of a case summary as a clean list, in the words real summaries use. */
class DiagnosisExtractorTest {
  private final DiagnosisExtractor extractor =
      new DiagnosisExtractor(TestLetters.vocabulary().diagnosisWords());
  private final List<String> warnings = new ArrayList<>();

  private List<String> diagnosesIn(String summary) {
    return extractor.extract(Prose.join(summary), warnings);
  }

  @Test
  void noLeadInWordsWhateverTheSentence() {
    List<String> expected = List.of("lumbar strain", "left knee sprain");
    for (String summary :
        List.of(
            "The injured worker was diagnosed as having lumbar strain and left knee sprain.",
            "The current diagnoses are documented as lumbar strain and left knee sprain.",
            "A review of the medical records shows the injured worker has diagnosis that include"
                + " lumbar strain and left knee sprain.",
            "The diagnoses included lumbar strain and left knee sprain.",
            "The diagnoses are: lumbar strain, left knee sprain.",
            "She has been diagnosed with lumbar strain; left knee sprain.",
            "The injured worker is undergoing treatment for a lumbar strain and a left knee sprain.",
            "The injured worker was being treated for the diagnoses of lumbar strain, and left knee"
                + " sprain.",
            "He has had diagnoses of lumbar strain, left knee sprain. He was seen on 12-01-2016.",
            "Diagnoses, and-or impressions, were noted to include: lumbar strain; left knee"
                + " sprain.")) {
      warnings.clear();
      assertEquals(expected, diagnosesIn(summary), summary);
      assertEquals(List.of(), warnings, summary);
    }
  }

  @Test
  void anIcdDescriptionWithCommasIsOneDiagnosis() {
    assertEquals(
        List.of("strain of muscle, fascia, tendon of lower back, subsequent encounter"),
        diagnosesIn(
            "The current diagnosis is documented as strain of muscle, fascia, tendon of lower"
                + " back, subsequent encounter."));
    assertEquals(
        List.of(
            "strain of unspecified muscle, fascia and tendon at upper arm level, right arm",
            "strain of muscle, fascia and tendon at neck level"),
        diagnosesIn(
            "The injured worker was being treated for strain of unspecified muscle, fascia and"
                + " tendon at upper arm level, right arm, and strain of muscle, fascia and tendon"
                + " at neck level."));
    assertEquals(
        List.of(
            "sprain of unspecified side of right knee, initial encounter",
            "radiculopathy, lumbosacral region",
            "anxiety disorder, not otherwise specified",
            "fracture of unspecified parts of the lumbosacral spine and pelvis",
            "pain in thoracic spine, sequela"),
        diagnosesIn(
            "The current diagnoses are documented as sprain of unspecified side of right knee,"
                + " initial encounter; radiculopathy, lumbosacral region; anxiety disorder, not"
                + " otherwise specified; fracture of unspecified parts of the lumbosacral spine and"
                + " pelvis; and pain in thoracic spine, sequela."));
  }

  @Test
  void sidesAndBodyPartsJoinTheirDiagnosis() {
    assertEquals(
        List.of("contusion of face, scalp and neck", "acute cervical sprain"),
        diagnosesIn(
            "The injured worker is being treated for contusion of face, scalp and neck and acute"
                + " cervical sprain."));
    assertEquals(
        List.of("cervical sprain", "right and left shoulder joint sprain"),
        diagnosesIn(
            "The current diagnoses are documented as cervical sprain and right and left shoulder"
                + " joint sprain."));
    assertEquals(
        List.of("cervical, thoracic and lumbar myoligamentous injury"),
        diagnosesIn(
            "The worker is undergoing treatment for cervical, thoracic and lumbar myoligamentous"
                + " injury."));
    assertEquals(
        List.of("neck, back and shoulder pain"),
        diagnosesIn(
            "The injured worker is undergoing treatment for neck, back and shoulder pain."));
    assertEquals(
        List.of("right shoulder impingement", "rule out cervical and lumbar spine HNP"),
        diagnosesIn(
            "The worker is undergoing treatment for right shoulder impingement and rule out"
                + " cervical and lumbar spine HNP."));
  }

  @Test
  void ruleOutAndStatusPostInsideARunOnListStartNewDiagnoses() {
    assertEquals(
        List.of(
            "weakness bilateral upper extremities",
            "rule out carpal tunnel syndrome due to repetitive activity",
            "rule out cervical radiculopathy"),
        diagnosesIn(
            "The worker is undergoing treatment for weakness bilateral upper extremities rule out"
                + " carpal tunnel syndrome due to repetitive activity rule out cervical"
                + " radiculopathy."));
    assertEquals(
        List.of("status post crush injury", "Status Post exploratory laparotomy"),
        diagnosesIn(
            "The injured worker was diagnosed with status post crush injury Status Post exploratory"
                + " laparotomy."));
    assertEquals(
        List.of("lumbar strain", "rule out lumbar radiculopathy"),
        diagnosesIn("Diagnoses included lumbar strain, rule out lumbar radiculopathy."));
  }

  @Test
  void aDateOrTheWorkersRecoveryIsNotPartOfADiagnosis() {
    assertEquals(
        List.of("open proximal phalanx fracture of the left small finger and repair"),
        diagnosesIn(
            "The injured worker was diagnosed as having open proximal phalanx fracture of the left"
                + " small finger and repair on 10-22-16."));
    assertEquals(
        List.of("status post exploratory laparotomy with a colon resection"),
        diagnosesIn(
            "The records show diagnoses that include status post exploratory laparotomy with a"
                + " colon resection now recovering well."));
    assertEquals(
        List.of("lumbar strain", "cervical strain"),
        diagnosesIn(
            "The worker was diagnosed with lumbar strain dated 01/02/2016, and cervical strain"
                + " currently stable."));
  }

  @Test
  void aBareConditionAfterAndSharesWhatComesBeforeIt() {
    assertEquals(
        List.of("lumbar sprain and strain", "lumbar muscle spasm"),
        diagnosesIn(
            "The injured worker was diagnosed as having lumbar sprain and strain and lumbar muscle"
                + " spasm."));
    assertEquals(
        List.of("adjustment disorder with mixed anxiety and depression"),
        diagnosesIn(
            "The patient's diagnosis included adjustment disorder with mixed anxiety and"
                + " depression."));
    assertEquals(
        List.of("other synovitis and tenosynovitis, left hand", "pain in right arm"),
        diagnosesIn(
            "The current diagnoses are documented as other synovitis and tenosynovitis, left"
                + " hand; pain in right arm."));
    assertEquals(
        List.of("cervical strain", "lumbar strain", "insomnia"),
        diagnosesIn(
            "The injured worker was diagnosed as having cervical strain, lumbar strain, and"
                + " insomnia."));
  }

  @Test
  void noTrailingSentenceFragment() {
    assertEquals(
        List.of("right shoulder sprain", "neck muscle strain"),
        diagnosesIn(
            "The injured worker is undergoing treatment for right shoulder sprain and neck muscle"
                + " strain Treatment to date has included physical therapy."));
    assertEquals(
        List.of("open wound of right thumb", "right thumb post-operative infection"),
        diagnosesIn(
            "The diagnoses include open wound of right thumb and right thumb post-operative"
                + " infection.The progress report dated 12-09-2016 indicates a follow-up."));
    assertEquals(
        List.of("knee pain"),
        diagnosesIn(
            "The applicant has filed a claim for knee pain reportedly associated with an"
                + " industrial injury of October 22, 2016."));
  }

  @Test
  void duplicatesDifferingOnlyInCaseAreOne() {
    assertEquals(
        List.of("stiffness of right wrist joint", "stiffness of right hand joint"),
        diagnosesIn(
            "The injured worker has had diagnoses of stiffness of right wrist joint; stiffness of"
                + " right hand joint and Stiffness of right wrist joint."));
  }

  @Test
  void noDiagnosesIsAnEmptyListWithAWarning() {
    assertEquals(
        List.of(),
        diagnosesIn(
            "The 58 year old female injured worker suffered an industrial injury on 10-27-2016."
                + " On exam there was gross deformity of the distal radius."));
    assertEquals(List.of("no diagnoses found"), warnings);
  }

  @Test
  void aListWrappedOverLinesIsRead() {
    assertEquals(
        List.of("lumbar disc displacement without myelopathy", "lumbar radiculitis"),
        diagnosesIn(
            "The patient has\nbeen diagnosed with lumbar disc displacement without\nmyelopathy"
                + " and lumbar radiculitis."));
  }
}
