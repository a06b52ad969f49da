package org.imrsearch.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what PDF extraction leaves behind so that the extractors see lines and paragraphs: CRLF,
 * form feeds, "Page 2 of 4", the case number repeated at the top of each page, trailing spaces, and
 * the "blank line after every line" style of some extractors. The result has one line per text line
 * and exactly one empty line between paragraphs.
 */
final class TextCleaner {
  private static final Pattern PAGE_LINE =
      Pattern.compile("(?i)^\\s*(?:-\\s*)?page\\s+\\d+(?:\\s+of\\s+\\d+)?(?:\\s*-)?\\s*$");
  private static final Pattern CASE_ONLY_LINE =
      Pattern.compile(
          "(?i)^\\s*(?:(?:IMR\\s+)?case\\s+(?:number|no\\.?|#)\\s*:?\\s*)?(?:C[MB]|"
              + "SY)\\d{2}-\\d{7}\\s*$");
  private static final Pattern RUN_TOGETHER =
      Pattern.compile("(?i)\\bnot(medically|necessary|recommended)\\b");

  private TextCleaner() {}

  static String clean(String raw) {
    String text =
        (isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC))
            .replace("\r\n", "\n")
            .replace('\r', '\n')
            .replace('\u00a0', ' ')
            .replace("\u00ad", "")
            .replace('\u2010', '-')
            .replace('\u2011', '-')
            .replace("\ufeff", "");
    if (text.indexOf('\f') >= 0) {
      text = formFeedsAsLineBreaks(text);
    }
    if (hasRunTogetherNot(text)) {
      text = RUN_TOGETHER.matcher(text).replaceAll("not $1");
    }
    List<String> lines = lines(text);
    if (isDoubleSpaced(lines)) {
      // Some extractors write an empty line after every line and a line holding one space
      // between paragraphs: drop the empty ones so the space-only ones mark paragraphs.
      lines.removeIf(String::isEmpty);
    }
    List<String> out = new ArrayList<>(lines.size());
    boolean seenCaseLine = false;
    for (String line : lines) {
      String stripped = line.stripTrailing();
      int length = stripped.length() - leadingWhitespace(stripped);
      if (length < 40 && mayBePageLine(stripped) && PAGE_LINE.matcher(stripped).matches()) {
        continue;
      }
      if (length < 60
          && mayBeCaseNumberLine(stripped)
          && CASE_ONLY_LINE.matcher(stripped).matches()) {
        if (seenCaseLine) {
          continue; // the case number repeated at the top of a page
        }
        seenCaseLine = true;
      }
      if (stripped.isBlank()) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
          out.add("");
        }
        continue;
      }
      out.add(collapseSpaces(stripped));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out);
  }

  /**
   * A page break is a line break, not a paragraph: each form feed, with one line break on each side
   * of it, becomes one line break.
   */
  static String formFeedsAsLineBreaks(String text) {
    StringBuilder b = new StringBuilder(text.length());
    int from = 0;
    for (int ff = text.indexOf('\f'); ff >= 0; ff = text.indexOf('\f', from)) {
      // A line break right before the form feed, in the input (not one the previous feed left).
      boolean breakBefore = ff > from && text.charAt(ff - 1) == '\n';
      b.append(text, from, breakBefore ? ff - 1 : ff).append('\n');
      from = ff + 1 < text.length() && text.charAt(ff + 1) == '\n' ? ff + 2 : ff + 1;
    }
    return b.append(text, from, text.length()).toString();
  }

  /**
   * The lines of {@code text} (which has no carriage returns), as {@link String#lines()} gives
   * them.
   */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      lines.add(text.substring(from, end));
      from = end + 1;
    }
    if (from < text.length()) {
      lines.add(text.substring(from));
    }
    return lines;
  }

  /** {@code strip()} would take this many characters off the front. */
  private static int leadingWhitespace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * False only when {@link #PAGE_LINE} cannot match: after blanks and an optional dash, the line
   * does not go on with "page". Most lines are short, and the pattern was tried on each.
   */
  private static boolean mayBePageLine(String line) {
    int i = skipRegexSpace(line, 0);
    if (i < line.length() && line.charAt(i) == '-') {
      i = skipRegexSpace(line, i + 1);
    }
    return line.regionMatches(true, i, "page", 0, 4);
  }

  /**
   * False only when {@link #CASE_ONLY_LINE} cannot match the whole line: with its trailing blanks
   * off, the line does not end in a dash and seven digits.
   */
  private static boolean mayBeCaseNumberLine(String line) {
    int n = line.length();
    if (n < 12 || line.charAt(n - 8) != '-') {
      return false;
    }
    for (int i = n - 7; i < n; i++) {
      if (line.charAt(i) < '0' || line.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Past the characters of the regex class {@code \s} from {@code i}. */
  private static int skipRegexSpace(String s, int i) {
    while (i < s.length() && Prose.isRegexSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * A cheap test before the regex: "not" run into "m", "n" or "r" (the words it separates), in any
   * case.
   */
  private static boolean hasRunTogetherNot(String text) {
    // Found by indexOf (vector instructions) of the middle two letters in each case, then checked.
    for (String ot : new String[] {"ot", "oT", "Ot", "OT"}) {
      for (int i = text.indexOf(ot, 1);
          i >= 0 && i + 2 < text.length();
          i = text.indexOf(ot, i + 1)) {
        char next = (char) (text.charAt(i + 2) | 0x20);
        if ((text.charAt(i - 1) | 0x20) == 'n' && (next == 'm' || next == 'n' || next == 'r')) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Leading blanks off, runs of blanks as one space. */
  private static String collapseSpaces(String line) {
    if (isCollapsed(line)) {
      return line; // most lines: no copy
    }
    StringBuilder b = new StringBuilder(line.length());
    boolean blank = true;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean isBlank = c == ' ' || c == '\t';
      if (isBlank) {
        if (!blank) {
          b.append(' ');
        }
      } else {
        b.append(c);
      }
      blank = isBlank;
    }
    return b.toString();
  }

  /** Whether {@code line} has no leading blank, no tab and no two spaces in a row. */
  private static boolean isCollapsed(String line) {
    // indexOf runs as vector instructions: three scans beat one loop over the characters.
    return (line.isEmpty() || line.charAt(0) != ' ')
        && line.indexOf('\t') < 0
        && !line.contains("  ");
  }

  /** True when nearly every text line is followed by an empty line. */
  private static boolean isDoubleSpaced(List<String> lines) {
    int text = 0;
    int followedByEmpty = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        text++;
        if (lines.get(i + 1).isEmpty()) {
          followedByEmpty++;
        }
      }
    }
    return text >= 10 && followedByEmpty >= 0.8 * text;
  }
}
