package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern searched only where one of its literal openings occurs. {@link Matcher#find()} tries a
 * pattern at every character of the text, and dozens of such scans over each letter were most of
 * the cost of extracting it. Every match of the pattern must begin with one of the openings (ASCII
 * case ignored); {@link #find} then gives exactly the matches {@code find()} would, but tries the
 * pattern only where an opening is found, with a fast {@link String#indexOf}.
 *
 * <p>Patterns see the whole text around a candidate (transparent, non-anchoring bounds), so {@code
 * \b}, look-behinds and {@code (?m)^} judge by the real neighbouring characters.
 */
final class AnchoredPattern {
  private static final int NOT_LOOKED_UP = -2;

  /** What ends a line for {@code (?m)^} (without {@link Pattern#UNIX_LINES}). */
  private static final char[] LINE_TERMINATORS = {'\n', '\r', '\u0085', '\u2028', '\u2029'};

  private final Pattern pattern;
  private final String[] openings;

  /** Whether matches begin at a line start, with blanks between it and the opening. */
  private final boolean atLineStart;

  /**
   * @param regex the pattern; ASCII case-insensitive if it needs to be ({@code (?i)})
   * @param openings lower-case literals, one of which begins every match of {@code regex}
   */
  AnchoredPattern(String regex, String... openings) {
    this(false, regex, openings);
  }

  /**
   * A pattern of the form {@code (?m)^\s*...}: every match begins at a line start, and the first
   * character after the blanks ({@code \s}) that follow it begins one of the {@code openings}. It
   * is tried at the line starts where that holds.
   */
  static AnchoredPattern atLineStart(String regex, String... openings) {
    return new AnchoredPattern(true, regex, openings);
  }

  private AnchoredPattern(boolean atLineStart, String regex, String... openings) {
    this.atLineStart = atLineStart;
    if (openings.length == 0) {
      throw new IllegalArgumentException("no openings for " + regex);
    }
    for (String opening : openings) {
      if (opening.isEmpty() || !opening.equals(opening.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "openings must be non-empty and lower case: '" + opening + "'");
      }
    }
    this.pattern = Pattern.compile(regex);
    this.openings = openings.clone();
  }

  Pattern pattern() {
    return pattern;
  }

  /** The first match in {@code text}, or null. */
  MatchResult find(LowerCased text) {
    return find(text, 0);
  }

  /** The first match that starts at or after {@code from}, or null. */
  MatchResult find(LowerCased text, int from) {
    Matcher m = matcher(text);
    return next(m, text, from, notLookedUp()) ? m.toMatchResult() : null;
  }

  /** Every match in {@code text}, in order, as a loop of {@code find()} gives them. */
  List<MatchResult> findAll(LowerCased text) {
    List<MatchResult> found = new ArrayList<>();
    Matcher m = matcher(text);
    int[] next = notLookedUp();
    int from = 0;
    while (from <= text.length() && next(m, text, from, next)) {
      found.add(m.toMatchResult());
      from = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return found;
  }

  /** Whether {@code text} holds a match. */
  boolean foundIn(LowerCased text) {
    return find(text) != null;
  }

  private int[] notLookedUp() {
    int[] next = new int[openings.length];
    Arrays.fill(next, NOT_LOOKED_UP);
    return next;
  }

  private Matcher matcher(LowerCased text) {
    return pattern.matcher(text.text()).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * Moves {@code m} to the first match starting at or after {@code from}. {@code next} holds each
   * opening's next occurrence ({@link #NOT_LOOKED_UP} at first, -1 once there is none): each is
   * looked up again only when it falls behind.
   */
  private boolean next(Matcher m, LowerCased text, int from, int[] next) {
    if (atLineStart) {
      return nextFromLineStart(m, text, from);
    }
    String lower = text.lower();
    int at = from;
    while (true) {
      int candidate = -1;
      for (int k = 0; k < openings.length; k++) {
        if (next[k] == NOT_LOOKED_UP || (next[k] >= 0 && next[k] < at)) {
          next[k] = lower.indexOf(openings[k], at);
        }
        if (next[k] >= 0 && (candidate < 0 || next[k] < candidate)) {
          candidate = next[k];
        }
      }
      if (candidate < 0) {
        return false;
      }
      if (m.region(candidate, text.length()).lookingAt()) {
        return true;
      }
      at = candidate + 1;
    }
  }

  /**
   * Moves {@code m} to the first match starting at or after {@code from}, trying the line starts in
   * order, each only when the first character after its blanks begins an opening. The next
   * occurrence of each line terminator is looked up again only when it falls behind.
   */
  private boolean nextFromLineStart(Matcher m, LowerCased text, int from) {
    String t = text.text();
    int[] terminators = new int[LINE_TERMINATORS.length];
    Arrays.fill(terminators, NOT_LOOKED_UP);
    for (int start = from == 0 ? 0 : lineStartFrom(t, from, terminators);
        start >= 0 && start < t.length();
        start = lineStartFrom(t, start + 1, terminators)) {
      int first = start;
      while (first < t.length() && Prose.isRegexSpace(t.charAt(first))) {
        first++;
      }
      if (isLineStart(t, start)
          && beginsOpening(text.lower(), first)
          && m.region(start, t.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first line start at or after {@code i} (> 0), just after a terminator at {@code i - 1} or
   * later; -1 if none.
   */
  private static int lineStartFrom(String text, int i, int[] terminators) {
    int first = -1;
    for (int k = 0; k < LINE_TERMINATORS.length; k++) {
      if (terminators[k] == NOT_LOOKED_UP || (terminators[k] >= 0 && terminators[k] < i - 1)) {
        terminators[k] = text.indexOf(LINE_TERMINATORS[k], i - 1);
      }
      if (terminators[k] >= 0 && (first < 0 || terminators[k] < first)) {
        first = terminators[k];
      }
    }
    return first < 0 ? -1 : first + 1;
  }

  private boolean beginsOpening(String lower, int at) {
    for (String opening : openings) {
      if (lower.startsWith(opening, at)) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code (?m)^} matches: the start, or after a line terminator (not inside "\r\n"). */
  private static boolean isLineStart(String text, int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    return before == '\n'
        || before == '\u0085'
        || before == '\u2028'
        || before == '\u2029'
        || (before == '\r' && (i == text.length() || text.charAt(i) != '\n'));
  }

  /** A text and its ASCII lower case, at the same positions: what the openings are looked up in. */
  record LowerCased(String text, String lower) {
    static LowerCased of(String text) {
      return new LowerCased(text, Prose.asciiLowerCase(text));
    }

    int length() {
      return text.length();
    }

    /** The characters from {@code start} to {@code end}, with their lower case. */
    LowerCased sub(int start, int end) {
      return new LowerCased(text.substring(start, end), lower.substring(start, end));
    }
  }
}
