package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.imrsearch.TestLetters;
import org.imrsearch.extract.AnchoredPattern.LowerCased;
import org.imrsearch.generate.LetterGenerator;
import org.imrsearch.ingest.LetterFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An anchored pattern must find exactly what {@link Matcher#find()} finds with the same pattern:
 * checked for every anchored pattern of the extractors, on real letters of every layout we have and
 * on generated ones, and on the edge cases of its look-ups.
 */
class AnchoredPatternTest {
  private static final Map<String, LowerCased> LETTERS = new LinkedHashMap<>();

  @BeforeAll
  static void readLetters() throws Exception {
    LetterFileReader reader = new LetterFileReader();
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(TestLetters.SEED_LETTERS, TestLetters.OLDER_FIXTURES)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    for (Path pdf : TestLetters.realPdfs()) {
      LETTERS.put(
          pdf.getFileName().toString(),
          LowerCased.of(TextCleaner.clean(TestLetters.realPdfText(pdf))));
    }
    for (Path file : files) {
      LETTERS.put(
          file.getFileName().toString(), LowerCased.of(TextCleaner.clean(reader.read(file))));
    }
    LetterGenerator generator = new LetterGenerator(11, List.of());
    IntStream.range(0, 200)
        .forEach(
            n ->
                LETTERS.put(
                    "generated " + n,
                    LowerCased.of(TextCleaner.clean(generator.generate(n).text()))));
  }

  @Test
  void everyExtractorPatternFindsWhatAPlainScanFinds() throws Exception {
    List<Field> fields = anchoredPatternFields();
    assertTrue(fields.size() >= 25, "the extractors' anchored patterns: " + fields.size());
    int compared = 0;
    for (Field field : fields) {
      AnchoredPattern pattern = (AnchoredPattern) field.get(null);
      int matches = 0;
      for (Map.Entry<String, LowerCased> letter : LETTERS.entrySet()) {
        List<String> expected = describe(plainScan(pattern, letter.getValue().text()));
        matches += expected.size();
        assertEquals(
            expected,
            describe(pattern.findAll(letter.getValue())),
            () ->
                field.getDeclaringClass().getSimpleName()
                    + "."
                    + field.getName()
                    + " in "
                    + letter.getKey());
      }
      compared += matches > 0 ? 1 : 0;
    }
    assertTrue(compared >= 20, "most patterns must match somewhere to be compared: " + compared);
  }

  /**
   * Every written form of every alternative of the extractors' anchored patterns, including forms
   * the sample letters lack, in one text: each pattern must agree with a plain scan started at
   * every position of it.
   */
  private static final String EVERY_FORM =
      String.join(
          "\n",
          "HOW THE IMR FINAL DETERMINATION WAS MADE",
          "IMR ISSUES, DECISIONS AND RATIONALES",
          "MRI of the knee: Upheld",
          "Claims Administrator guideline: Decision based on MTUS",
          "MAXIMUS guideline: Decision based on ODG",
          "Expert Reviewer guideline: none",
          "Decision rationale: not necessary.",
          "MEDICAL PROFESSIONAL REVIEW",
          "ISSUE AT DISPUTE:",
          "RATIONALE FOR WHY THE REQUESTED",
          "IMR DECISION(S) AND RATIONALE(S)",
          "Guidelines Used in Decision:",
          "Notice of Independent Medical Review Determination",
          "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
          "has determined the request for",
          "Date Assigned: 11/09/2016 Decision Date: 12/09/2016 Dated: 12/10/2016",
          "Date of this Determination: 12/11/2016",
          "Date of Injury: 10/13/2016 DOI: 10/14/2016",
          "was injured at work on 2016-11-21; injured his knee on 21 November 2016",
          "an industrial injury of Nov. 21st, 2016; an injury that occurred on or about 1-2-16",
          "an industrial injury date of 1-2-16; sustained an injury 1/3/2016",
          "a history of an occupational claim from 11/04/2016; a work-related claim of 1-5-16",
          "UR Denial Date: 10/20/2016 Date of UR Decision: 10/21/2016",
          "UR Decision Date: 10/22/2016",
          "Application Received: 11/01/2016 Date Application Received: 11/02/2016",
          "application for an Independent Medical Review was received on 11/03/2016",
          "Notice of Assignment was sent on 11/04/2016",
          "Utilization Review Denial dated 10/05/2016",
          "Priority: Expedited",
          "Standard",
          "Dear Applicant",
          "1) Regarding the request",
          "2. MAXIMUS Federal Services",
          "   CLINICAL CASE SUMMARY:",
          "Case Summary",
          "DOCUMENTS REVIEWED",
          "MEDICAL TREATMENT GUIDELINE",
          "MEDICAL REVIEWER QUALIFICATIONS",
          "REVIEWER QUALIFICATIONS:",
          "Medical Qualifications of the Expert Reviewer:",
          "sent the complete case file to an expert reviewer",
          "State(s) of Licensure: California",
          "Certification(s)/Specialty: Family Practice",
          "is Board Certified in Internal Medicine",
          "Board-Certified in Surgery",
          "certified by the American Board of Surgery",
          "is a Diplomate in Pain",
          "is a specialist in Pain",
          "has a subspecialty in Spine",
          "has a sub-specialty in Hand",
          "specializes in Sports Medicine",
          "specializing in Pain",
          "fellowship-trained in Spine",
          "Licensed in California",
          "is a Board Certified Orthopaedic Surgeon with a fellowship training in Spine",
          "holds a Certificate of Added Qualification in Sports Medicine",
          "with special qualification in child neurology",
          "with subspecialty certifications in hematology",
          "is a Licensed Acupuncturist",
          "holds board certifications in Surgery; is certified in Acupuncture",
          "is a fellowship-trained Spine Surgeon",
          "Credentials/Qualifications: Reviewer 1 is board-certified",
          "licensed to practice medicine in the states of Ohio",
          "diagnoses include lumbar strain.",
          "diagnosed with knee pain.",
          "being treated for neck pain.",
          "treated for the diagnosis of shoulder pain.",
          "is undergoing treatment for lumbar strain.",
          "Diagnoses, and-or impressions, were noted to include: low back injury; sprain.",
          "has filed a claim for knee pain reportedly associated with an industrial injury");

  @Test
  void agreesWithAPlainScanFromEveryPositionOfEveryForm() throws Exception {
    LowerCased text = LowerCased.of(EVERY_FORM);
    for (Field field : anchoredPatternFields()) {
      AnchoredPattern pattern = (AnchoredPattern) field.get(null);
      Matcher plain = pattern.pattern().matcher(text.text());
      for (int from = 0; from <= text.length(); from++) {
        MatchResult expected = plain.find(from) ? plain.toMatchResult() : null;
        MatchResult actual = pattern.find(text, from);
        String where =
            field.getDeclaringClass().getSimpleName() + "." + field.getName() + " from " + from;
        assertEquals(
            expected == null ? null : describe(List.of(expected)),
            actual == null ? null : describe(List.of(actual)),
            where);
      }
      assertTrue(pattern.find(text) != null, field.getName() + " must have a form in the text");
    }
  }

  @Test
  void findStartsAtTheGivenPosition() {
    AnchoredPattern date = new AnchoredPattern("(?i)Date\\s+(\\d+)", "date");
    LowerCased text = LowerCased.of("DATE 1, date 2; Date 3");
    assertEquals("2", date.find(text, 1).group(1));
    assertEquals("3", date.find(text, text.text().indexOf("; ")).group(1));
    assertNull(date.find(text, text.length() - 1));
  }

  @Test
  void judgesWordBoundariesAndLineStartsByTheRealNeighbours() {
    LowerCased text = LowerCased.of("PDOI 1\nxDOI 2\nDOI 3");
    assertEquals(
        List.of("DOI 3"),
        describeText(new AnchoredPattern("(?i)\\bDOI\\s+\\d", "doi").findAll(text)));
    assertEquals(
        List.of("DOI 3"),
        describeText(new AnchoredPattern("(?im)^DOI\\s+\\d", "doi").findAll(text)));
  }

  @Test
  void triesTheNextOccurrenceWhenAnEarlierOneFails() {
    AnchoredPattern received =
        new AnchoredPattern("(?i)Application\\s+Received\\s*:", "application", "date");
    LowerCased text = LowerCased.of("Application for review. Date: x. APPLICATION\nRECEIVED: 1");
    assertEquals(text.text().indexOf("APPLICATION"), received.find(text).start());
  }

  @Test
  void aLineStartPatternStartsWhereAPlainScanDoes() {
    AnchoredPattern heading =
        AnchoredPattern.atLineStart(
            "(?im)^\\s*(?:CLINICAL\\s+)?CASE\\s+SUMMARY", "clinical", "case");
    for (String text :
        List.of(
            "x\n\n  CASE SUMMARY",
            "Case summary",
            "the case summary\nCASE SUMMARY",
            "a\r\n\r\n\tclinical case summary",
            "a\u2028CASE SUMMARY",
            "no case summary here",
            "x\n\nx CASE SUMMARY")) {
      LowerCased lowerCased = LowerCased.of(text);
      assertEquals(
          describe(plainScan(heading, text)),
          describe(heading.findAll(lowerCased)),
          () -> "[" + text + "]");
    }
    LowerCased twoHeadings = LowerCased.of("CASE SUMMARY\n \n CASE SUMMARY");
    Matcher plain = heading.pattern().matcher(twoHeadings.text());
    assertTrue(plain.find(1));
    assertEquals(
        13, plain.start()); // the first line start after position 1, with blanks to the heading
    assertEquals(plain.start(), heading.find(twoHeadings, 1).start());
  }

  @Test
  void aMissingOpeningLosesMatches() {
    // Why the openings must be complete: a form nobody declared is never tried.
    AnchoredPattern incomplete = new AnchoredPattern("(?i)Decision\\s+Date|Dated", "decision");
    LowerCased text = LowerCased.of("Dated: 1/2/2017; Decision Date: 1/3/2017");
    assertNotEquals(
        describe(plainScan(incomplete, text.text())), describe(incomplete.findAll(text)));
  }

  @Test
  void refusesOpeningsThatCouldNeverBeFound() {
    assertThrows(IllegalArgumentException.class, () -> new AnchoredPattern("(?i)Date", "Date"));
    assertThrows(IllegalArgumentException.class, () -> new AnchoredPattern("(?i)Date", ""));
    assertThrows(IllegalArgumentException.class, () -> new AnchoredPattern("(?i)Date"));
  }

  private static List<Field> anchoredPatternFields() throws Exception {
    List<Field> fields = new ArrayList<>();
    for (Class<?> extractor : extractPackageClasses()) {
      for (Field field : extractor.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == AnchoredPattern.class) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /**
   * Every class compiled into the extract package, nested ones included: a pattern added to any of
   * them is checked without anyone keeping a list.
   */
  private static List<Class<?>> extractPackageClasses() throws Exception {
    Path classes =
        Path.of(AnchoredPattern.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(AnchoredPattern.class.getPackageName().replace('.', '/'));
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")) {
          String binary =
              AnchoredPattern.class.getPackageName() + "." + name.substring(0, name.length() - 6);
          found.add(Class.forName(binary, false, AnchoredPattern.class.getClassLoader()));
        }
      }
    }
    return found;
  }

  private static List<MatchResult> plainScan(AnchoredPattern pattern, String text) {
    List<MatchResult> found = new ArrayList<>();
    Matcher m = pattern.pattern().matcher(text);
    while (m.find()) {
      found.add(m.toMatchResult());
    }
    return found;
  }

  private static List<String> describe(List<MatchResult> matches) {
    return matches.stream()
        .map(
            m -> {
              StringBuilder b = new StringBuilder().append(m.start()).append('-').append(m.end());
              for (int g = 1; g <= m.groupCount(); g++) {
                b.append(" [").append(m.group(g)).append(']');
              }
              return b.toString();
            })
        .toList();
  }

  private static List<String> describeText(List<MatchResult> matches) {
    return matches.stream().map(MatchResult::group).toList();
  }
}
