package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cleaner skips its patterns where a cheap test says they cannot match, and splits lines and
 * form feeds with indexOf. Its output must stay what the plain definition below gives: every
 * pattern tried on every line, characters handled one at a time.
 */
class TextCleanerShortcutsTest {
  private static final String[] PIECES = {
    "Page 2 of 4",
    "page 3",
    "PAGE",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\f",
    "\r\n",
    "\r",
    "- ",
    "-",
    "CM16-0213037",
    "cb17-0005418",
    "SY20-1234567",
    "Case Number: ",
    "IMR Case No. ",
    "#",
    "12",
    "of",
    "not",
    "notmedically",
    "NOTRecommended",
    "text",
    "MRI of the lumbar spine",
    "\u0085",
    "\u00a0",
    "\u00ad",
    "\u2010",
    "x",
    ".",
    "1234567",
  };

  @Test
  void cleansEveryMixOfThePiecesAsThePlainDefinitionDoes() {
    Random random = new Random(7);
    int droppedLines = 0;
    for (int n = 0; n < 30_000; n++) {
      String raw = PieceMixes.next(random, PIECES, 16);
      int[] dropped = new int[1];
      String expected = PlainCleaner.clean(raw, dropped);
      droppedLines += dropped[0] > 0 ? 1 : 0;
      assertEquals(
          expected,
          TextCleaner.clean(raw),
          () -> "raw: [" + raw.replace("\n", "\\n").replace("\f", "\\f") + "]");
    }
    assertTrue(
        droppedLines > 1000,
        "the mixes must have page and repeated case lines to drop: " + droppedLines);
  }

  /** The cleaner as first written: the definition the faster one must agree with. */
  private static final class PlainCleaner {
    private static final Pattern PAGE_LINE =
        Pattern.compile("(?i)^\\s*(?:-\\s*)?page\\s+\\d+(?:\\s+of\\s+\\d+)?(?:\\s*-)?\\s*$");
    private static final Pattern CASE_ONLY_LINE =
        Pattern.compile(
            "(?i)^\\s*(?:(?:IMR\\s+)?case\\s+(?:number|no\\.?|#)\\s*:?\\s*)?(?:C[MB]|SY)\\d{2}-\\d{7}\\s*$");
    private static final Pattern RUN_TOGETHER =
        Pattern.compile("(?i)\\bnot(medically|necessary|recommended)\\b");

    /**
     * The cleaned text; {@code dropped[0]} counts the page and repeated case-number lines taken
     * out.
     */
    static String clean(String raw, int[] dropped) {
      String text =
          Normalizer.normalize(raw, Normalizer.Form.NFKC)
              .replace("\r\n", "\n")
              .replace('\r', '\n')
              .replace('\u00a0', ' ')
              .replace("\u00ad", "")
              .replace('\u2010', '-')
              .replace('\u2011', '-')
              .replace("\ufeff", "");
      text = formFeeds(text);
      text = RUN_TOGETHER.matcher(text).replaceAll("not $1");
      List<String> lines = new ArrayList<>(text.lines().toList());
      int textLines = 0;
      int followedByEmpty = 0;
      for (int i = 0; i + 1 < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          textLines++;
          followedByEmpty += lines.get(i + 1).isEmpty() ? 1 : 0;
        }
      }
      if (textLines >= 10 && followedByEmpty >= 0.8 * textLines) {
        lines.removeIf(String::isEmpty);
      }
      List<String> out = new ArrayList<>();
      boolean seenCaseLine = false;
      for (String line : lines) {
        String stripped = line.stripTrailing();
        int length = stripped.strip().length();
        if (length < 40 && PAGE_LINE.matcher(stripped).matches()) {
          dropped[0]++;
          continue;
        }
        if (length < 60 && CASE_ONLY_LINE.matcher(stripped).matches()) {
          if (seenCaseLine) {
            dropped[0]++;
            continue;
          }
          seenCaseLine = true;
        }
        if (stripped.isBlank()) {
          if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
            out.add("");
          }
          continue;
        }
        out.add(stripped.replaceAll("^[ \\t]+", "").replaceAll("[ \\t]+", " "));
      }
      while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
      return String.join("\n", out);
    }

    private static String formFeeds(String text) {
      StringBuilder b = new StringBuilder();
      boolean lastWasInputNewline = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '\f') {
          b.append(c);
          lastWasInputNewline = c == '\n';
          continue;
        }
        if (lastWasInputNewline) {
          b.setLength(b.length() - 1);
        }
        b.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        lastWasInputNewline = false;
      }
      return b.toString();
    }
  }
}
