package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds labelled parts of a letter: the text between one heading and the next. */
final class Sections {
  private Sections() {}

  /**
   * The text after the first match of {@code heading} up to the earliest match of any of {@code
   * ends} (or the end of the text); empty when the heading is absent.
   */
  static String after(String text, Pattern heading, Pattern... ends) {
    Matcher m = heading.matcher(text);
    if (!m.find()) {
      return "";
    }
    int end = text.length();
    for (Pattern p : ends) {
      Matcher e = p.matcher(text);
      if (e.find(m.end()) && e.start() < end) {
        end = e.start();
      }
    }
    return text.substring(m.end(), end).strip();
  }

  /** Splits {@code text} at each match of {@code label}: the pieces after each label. */
  static List<String> splitAt(String text, Pattern label) {
    List<String> pieces = new ArrayList<>();
    Matcher m = label.matcher(text);
    int previous = -1;
    while (m.find()) {
      if (previous >= 0) {
        pieces.add(text.substring(previous, m.start()));
      }
      previous = m.end();
    }
    if (previous >= 0) {
      pieces.add(text.substring(previous));
    }
    return pieces;
  }

  /** A heading pattern: the words, any whitespace between them, case-insensitive. */
  static Pattern heading(String words) {
    return Pattern.compile("(?i)" + words.strip().replace(" ", "\\s+"));
  }
}
