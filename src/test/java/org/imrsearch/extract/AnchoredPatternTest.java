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
 * checked for every anchored pattern of the extractors, on real letters of every layout we have
 * and on generated ones, and on the edge cases of its look-ups.
 */
class AnchoredPatternTest {
  private static final List<Class<?>> EXTRACTORS = List.of(LetterExtractor.class, LayoutDetector.class, HeaderExtractor.class,
      ModernDecisionExtractor.class, ReviewerExtractor.class, PatientExtractor.class);
  private static final Map<String, LowerCased> LETTERS = new LinkedHashMap<>();

  @BeforeAll
  static void readLetters() throws Exception {
    LetterFileReader reader = new LetterFileReader();
    List<Path> files = new ArrayList<>(TestLetters.realPdfs());
    for (Path dir : List.of(TestLetters.SEED_LETTERS, TestLetters.OLDER_FIXTURES)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    for (Path file : files) {
      LETTERS.put(file.getFileName().toString(), LowerCased.of(TextCleaner.clean(reader.read(file))));
    }
    LetterGenerator generator = new LetterGenerator(11, List.of());
    IntStream.range(0, 200).forEach(n -> LETTERS.put("generated " + n,
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
        assertEquals(expected, describe(pattern.findAll(letter.getValue())),
            () -> field.getDeclaringClass().getSimpleName() + "." + field.getName() + " in " + letter.getKey());
      }
      compared += matches > 0 ? 1 : 0;
    }
    assertTrue(compared >= 20, "most patterns must match somewhere to be compared: " + compared);
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
    assertEquals(List.of("DOI 3"), describeText(new AnchoredPattern("(?i)\\bDOI\\s+\\d", "doi").findAll(text)));
    assertEquals(List.of("DOI 3"), describeText(new AnchoredPattern("(?im)^DOI\\s+\\d", "doi").findAll(text)));
  }

  @Test
  void triesTheNextOccurrenceWhenAnEarlierOneFails() {
    AnchoredPattern received = new AnchoredPattern("(?i)Application\\s+Received\\s*:", "application", "date");
    LowerCased text = LowerCased.of("Application for review. Date: x. APPLICATION\nRECEIVED: 1");
    assertEquals(text.text().indexOf("APPLICATION"), received.find(text).start());
  }

  @Test
  void aLineStartPatternStartsWhereAPlainScanDoes() {
    AnchoredPattern heading = AnchoredPattern.atLineStart("(?im)^\\s*(?:CLINICAL\\s+)?CASE\\s+SUMMARY", "clinical", "case");
    for (String text : List.of("x\n\n  CASE SUMMARY", "Case summary", "the case summary\nCASE SUMMARY", "a\r\n\r\n\tclinical case summary",
        "a\u2028CASE SUMMARY", "no case summary here", "x\n\nx CASE SUMMARY")) {
      LowerCased lowerCased = LowerCased.of(text);
      assertEquals(describe(plainScan(heading, text)), describe(heading.findAll(lowerCased)), () -> "[" + text + "]");
    }
    LowerCased twoHeadings = LowerCased.of("CASE SUMMARY\n \n CASE SUMMARY");
    Matcher plain = heading.pattern().matcher(twoHeadings.text());
    assertTrue(plain.find(1));
    assertEquals(13, plain.start()); // the first line start after position 1, with blanks to the heading
    assertEquals(plain.start(), heading.find(twoHeadings, 1).start());
  }

  @Test
  void aMissingOpeningLosesMatches() {
    // Why the openings must be complete: a form nobody declared is never tried.
    AnchoredPattern incomplete = new AnchoredPattern("(?i)Decision\\s+Date|Dated", "decision");
    LowerCased text = LowerCased.of("Dated: 1/2/2017; Decision Date: 1/3/2017");
    assertNotEquals(describe(plainScan(incomplete, text.text())), describe(incomplete.findAll(text)));
  }

  @Test
  void refusesOpeningsThatCouldNeverBeFound() {
    assertThrows(IllegalArgumentException.class, () -> new AnchoredPattern("(?i)Date", "Date"));
    assertThrows(IllegalArgumentException.class, () -> new AnchoredPattern("(?i)Date", ""));
    assertThrows(IllegalArgumentException.class, () -> new AnchoredPattern("(?i)Date"));
  }

  private static List<Field> anchoredPatternFields() {
    List<Field> fields = new ArrayList<>();
    for (Class<?> extractor : EXTRACTORS) {
      for (Field field : extractor.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == AnchoredPattern.class) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
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
    return matches.stream().map(m -> {
      StringBuilder b = new StringBuilder().append(m.start()).append('-').append(m.end());
      for (int g = 1; g <= m.groupCount(); g++) {
        b.append(" [").append(m.group(g)).append(']');
      }
      return b.toString();
    }).toList();
  }

  private static List<String> describeText(List<MatchResult> matches) {
    return matches.stream().map(MatchResult::group).toList();
  }
}
