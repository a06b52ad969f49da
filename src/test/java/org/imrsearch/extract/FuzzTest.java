package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.imrsearch.TestLetters;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.ingest.UnreadableFileException;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated real letters (cut, duplicated, shuffled and deleted lines, random
 * characters, stray outcome words and labels): the extractor either returns a letter whose every
 * decision has an item and an outcome, or refuses the text as not a letter. Nothing else.
 */
class FuzzTest {
  private static final int CASES = 3000;
  private static final String[] DEBRIS = {
    ": Upheld",
    ": Overturned",
    "Claims Administrator guideline:",
    "MAXIMUS guideline:",
    "Decision rationale:",
    "IMR ISSUES, DECISIONS AND RATIONALES",
    "Page 2 of 4",
    "\f",
    "1) MAXIMUS Federal Services, Inc. has determined the request for",
    "is not medically necessary and appropriate.",
    "Certification(s)/Specialty:",
    "\"",
    "(",
    "original request",
    "\u0000",
    "\ufffd"
  };

  /** The most one mutated letter may take to extract. */
  private static final Duration SLOWEST_LETTER = Duration.ofMillis(500);

  private final LetterExtractor extractor = new LetterExtractor(TestLetters.vocabulary());

  @Test
  void mutatedLettersNeverBreakTheExtractor() throws IOException, UnreadableFileException {
    List<String> seeds = seeds();
    Random random = new Random(20261123);
    long slowestNanos = 0;
    int letters = 0;
    for (int i = 0; i < CASES; i++) {
      String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
      long start = System.nanoTime();
      try {
        Letter letter = extractor.extract("fuzz-" + i, text);
        letters++;
        for (Decision d : letter.decisions()) {
          assertNotNull(d.outcome(), "case " + i);
          assertFalse(d.item().isBlank(), "case " + i);
        }
      } catch (NotALetterException e) {
        assertFalse(e.getMessage().isBlank());
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            "case "
                + i
                + " threw past the extractor:\n"
                + text.substring(0, Math.min(2000, text.length())),
            e);
      }
      slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
    }
    assertTrue(letters > CASES / 2, "most mutations are still letters: " + letters);
    // A pattern that backtracks catastrophically takes seconds to minutes on one letter; a real
    // letter takes well under a millisecond, so this bound leaves room for a noisy machine.
    assertTrue(
        slowestNanos < SLOWEST_LETTER.toNanos(),
        String.format("the slowest mutated letter took %.1f ms", slowestNanos / 1e6));
    System.out.printf(
        "fuzz: %d cases, %d still letters, slowest %.1f ms%n", CASES, letters, slowestNanos / 1e6);
  }

  private static List<String> seeds() throws IOException, UnreadableFileException {
    LetterFileReader reader = new LetterFileReader();
    List<String> seeds = new ArrayList<>();
    for (Path pdf : TestLetters.realPdfs().subList(0, 30)) {
      seeds.add(TestLetters.realPdfText(pdf));
    }
    try (var files = Files.list(TestLetters.OLDER_FIXTURES)) {
      for (Path f : files.sorted().toList()) {
        seeds.add(reader.read(f));
      }
    }
    try (var files = Files.list(TestLetters.SEED_LETTERS)) {
      for (Path f : files.sorted().toList()) {
        seeds.add(reader.read(f));
      }
    }
    return seeds;
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int operations = 1 + random.nextInt(4);
    for (int op = 0; op < operations && !lines.isEmpty(); op++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(8)) {
        case 0 -> lines.subList(at, lines.size()).clear(); // cut
        case 1 ->
            lines.addAll(
                at,
                new ArrayList<>(
                    lines.subList(
                        at, Math.min(lines.size(), at + 1 + random.nextInt(40))))); // duplicate
        case 2 ->
            Collections.shuffle(
                lines.subList(at, Math.min(lines.size(), at + 2 + random.nextInt(30))),
                random); // shuffle
        case 3 ->
            lines
                .subList(at, Math.min(lines.size(), at + 1 + random.nextInt(10)))
                .clear(); // delete
        case 4 -> lines.set(at, randomChars(random, lines.get(at))); // garble
        case 5 -> lines.add(at, DEBRIS[random.nextInt(DEBRIS.length)]); // stray debris line
        case 6 ->
            lines.set(
                at, lines.get(at) + DEBRIS[random.nextInt(DEBRIS.length)]); // debris at a line end
        default -> lines.set(at, lines.get(at).replace(" ", "")); // words run together
      }
    }
    return String.join(random.nextBoolean() ? "\n" : "\r\n", lines);
  }

  private static String randomChars(Random random, String line) {
    StringBuilder b = new StringBuilder(line);
    for (int i = 0; i < 1 + random.nextInt(20); i++) {
      char c = (char) random.nextInt(0x3000);
      if (b.isEmpty()) {
        b.append(c);
      } else {
        b.setCharAt(random.nextInt(b.length()), c);
      }
    }
    return b.toString();
  }
}
