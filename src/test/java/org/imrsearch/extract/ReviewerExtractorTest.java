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
    warnings.clear();
    assertEquals(
        List.of("Internal Medicine", "Cardiology", "Adult Congenital Heart Disease"),
        specialtiesIn(
            "Reviewer 1 is board-certified in internal medicine with subspecialty certifications in"
                + " cardiovascular disease and in adult congenital heart disease and is actively"
                + " practicing."));
    assertEquals(
        List.of("unknown specialty 'Adult Congenital Heart Disease' kept as written"), warnings);
  }

  private List<String> specialtiesIn(String prose) {
    return extractor
        .extract("HOW THE IMR FINAL DETERMINATION WAS MADE\n" + prose, warnings)
        .specialties();
  }

  private List<String> licensureIn(String prose) {
    return extractor
        .extract("HOW THE IMR FINAL DETERMINATION WAS MADE\n" + prose, warnings)
        .licensure();
  }

  @Test
  void boardCertifiedInTwoSpecialtiesJoinedByAnd() {
    assertEquals(
        List.of("Internal Medicine", "Pulmonary Disease"),
        specialtiesIn(
            "The physician reviewer is Board Certified in Internal Medicine and Pulmonary Disease"
                + " and is licensed to practice in California."));
    assertEquals(
        List.of("Anesthesiology", "Pain Management"),
        specialtiesIn("The reviewer is Board Certified in Anesthesiology and Pain Medicine."));
    assertEquals(
        List.of("Physical Medicine & Rehabilitation", "Pain Management"),
        specialtiesIn(
            "The reviewer is board certified in Physical Medicine and Rehabilitation and Pain"
                + " Medicine, and is licensed in California."));
    assertEquals(List.of(), warnings);
  }

  @Test
  void twoSpecialtiesJoinedByACommaAndWrappedOverLines() {
    assertEquals(
        List.of("Family Practice", "Sports Medicine"),
        specialtiesIn(
            "The Expert Reviewer is Board\nCertified in Family Medicine, Sports\nMedicine and"
                + " is licensed to practice in\nCalifornia."));
    assertEquals(
        List.of("Endocrinology"),
        specialtiesIn(
            "Reviewer 1 is board-certified in endocrinology, diabetes, and metabolism and is"
                + " actively practicing."));
  }

  @Test
  void everyVerbOfACredentialInProse() {
    assertEquals(
        List.of("Orthopedic Surgery", "Hand Surgery"),
        specialtiesIn(
            "The reviewer is a Board Certified Orthopaedic Surgeon with a subspecialty in"
                + " Surgery of the Hand."));
    assertEquals(
        List.of("Physical Medicine & Rehabilitation"),
        specialtiesIn(
            "The physician reviewer is board-certified by the American Board of Physical"
                + " Medicine and Rehabilitation."));
    assertEquals(
        List.of("Internal Medicine", "Gastroenterology"),
        specialtiesIn(
            "Reviewer 2 is board-certified in internal medicine with subspecialty certification"
                + " in gastroenterology and is actively practicing."));
    assertEquals(
        List.of("Family Practice", "Sports Medicine"),
        specialtiesIn(
            "The reviewer is Board Certified in Family Medicine and holds a Certificate of Added"
                + " Qualification in Sports Medicine."));
    assertEquals(
        List.of("Pain Management"),
        specialtiesIn("The reviewer is Board Certified subspecialty in Pain Medicine."));
    assertEquals(
        List.of("Spine Surgery"),
        specialtiesIn("He/she specializes in spine surgery and has practiced for ten years."));
    assertEquals(
        List.of("Anesthesiology", "Pain Management"),
        specialtiesIn(
            "The reviewer is Board Certified in Anesthesiology, is Fellowship trained in Pain"
                + " Management and is licensed to practice in California."));
    assertEquals(
        List.of("Clinical Psychology"),
        specialtiesIn("The Expert Reviewer is LIcensed in Clinical Psychology, and is licensed."));
    assertEquals(
        List.of("Internal Medicine", "Nephrology"),
        specialtiesIn(
            "The reviewer holds board certifications in Internal Medicine and Nephrology."));
    assertEquals(
        List.of("Acupuncture"), specialtiesIn("The reviewer is certified in Acupuncture."));
    assertEquals(
        List.of("Orthopedic Surgery"),
        specialtiesIn("The reviewer is a Diplomate of the American Board of Orthopaedic Surgery."));
    assertEquals(
        List.of("Spine Surgery"),
        specialtiesIn("The reviewer is a fellowship-trained Spine Surgeon in active practice."));
    assertEquals(List.of(), warnings);
  }

  @Test
  void specialtiesCountedInWords() {
    assertEquals(
        List.of("Internal Medicine", "Nephrology"),
        specialtiesIn(
            "The reviewer is board certified in two specialties: Internal Medicine and"
                + " Nephrology, and is licensed in California."));
    assertEquals(
        List.of("Neurology", "Pain Management"),
        specialtiesIn("The reviewer is Board Certified in both Neurology and Pain Medicine."));
  }

  @Test
  void aLicensedPractitionerNamesTheSpecialty() {
    assertEquals(
        List.of("Acupuncture"), specialtiesIn("The Expert Reviewer is a Licensed Acupuncturist."));
    assertEquals(
        List.of("Clinical Psychology"),
        specialtiesIn("The reviewer is a Licensed Clinical Psychologist and is licensed in CA."));
    assertEquals(List.of("Dentistry"), specialtiesIn("The reviewer is a licensed Dentist."));
    assertEquals(
        List.of("Chiropractic"), specialtiesIn("The Expert Reviewer is a Doctor of Chiropractic."));
    assertEquals(List.of("Chiropractic"), specialtiesIn("The reviewer is a Chiropractor."));
    assertEquals(List.of(), warnings);
  }

  @Test
  void aListOfStatesIsNeverASpecialty() {
    assertEquals(
        List.of("California", "Texas"),
        licensureIn(
            "The reviewer is Board Certified in Psychiatry and is licensed in California"
                + " and Texas."));
    assertEquals(
        List.of("Psychiatry"),
        specialtiesIn(
            "The reviewer is Board Certified in"
                + " Psychiatry and is licensed in California and Texas."));
    assertEquals(
        List.of("California", "Texas", "New York"),
        licensureIn(
            "The reviewer is Board Certified in Surgery, licensed to practice in California,"
                + " Texas and New York."));
    Reviewer onlyStates =
        extractor.extract(
            "HOW THE IMR FINAL DETERMINATION WAS MADE The reviewer is licensed in Oregon and"
                + " Washington.",
            warnings);
    assertEquals(List.of(), onlyStates.specialties());
    assertEquals(List.of("Oregon", "Washington"), onlyStates.licensure());
  }

  @Test
  void anUnknownSpecialtyIsKeptAsWrittenWithAWarning() {
    assertEquals(
        List.of("Internal Medicine", "Underwater Medicine"),
        specialtiesIn(
            "The reviewer is Board Certified in Internal Medicine and underwater medicine and is"
                + " licensed to practice in California."));
    assertEquals(List.of("unknown specialty 'Underwater Medicine' kept as written"), warnings);
    warnings.clear();
    assertEquals(
        List.of("Internal Medicine", "Cardiology", "Adult Congenital Heart Disease"),
        specialtiesIn(
            "Reviewer 1 is board-certified in internal medicine with subspecialty certifications in"
                + " cardiovascular disease and in adult congenital heart disease and is actively"
                + " practicing."));
    assertEquals(
        List.of("unknown specialty 'Adult Congenital Heart Disease' kept as written"), warnings);
  }

  @Test
  void aClauseAfterTheCredentialIsNotPartOfIt() {
    assertEquals(
        List.of("Neurology"),
        specialtiesIn(
            "The reviewer is Board Certified in Neurology since 2004 and has been in active"
                + " clinical practice for more than five years."));
    assertEquals(
        List.of("Occupational Medicine"),
        specialtiesIn(
            "The physician reviewer is Board Certified in Occupational Medicine. He/she has been"
                + " in active clinical practice."));
  }

  @Test
  void aSpecialistNamedInTheCaseSummaryIsNotTheReviewer() {
    Reviewer r =
        extractor.extract(
            """
            HOW THE IMR FINAL DETERMINATION WAS MADE
            The physician reviewer is Board Certified in Psychiatry, and is licensed to practice in
            California.
            CLINICAL CASE SUMMARY
            The patient was referred to a specialist in pain management and then to a Board
            Certified Orthopedic Surgeon.
            """,
            warnings);
    assertEquals(List.of("Psychiatry"), r.specialties());
  }
}
