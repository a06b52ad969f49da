package org.imrsearch.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as letters write them: 11/09/2016, 10-13-16, 8/28/2001, 2016-11-21, August 30, 2013, Nov.
 * 21, 2016, August 4th 2009, 21 November 2016; a year wrapped to the next line ("10/14/ 2016")
 * still belongs to its date.
 */
final class Dates {
  private static final String MONTH =
      "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
  private static final String ORDINAL = "(?:st|nd|rd|th)?";

  /** A date in any of the written forms; use inside larger patterns. */
  static final String DATE =
      "(?:\\d{1,2}[/-]\\d{1,2}[/-](?:\\s?\\d{4}|\\d{2})(?!\\d)"
          + "|(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}(?!\\d)"
          + "|"
          + MONTH
          + "\\s+\\d{1,2}"
          + ORDINAL
          + ",?\\s+\\d{4}"
          + "|\\d{1,2}"
          + ORDINAL
          + "\\s+(?:of\\s+)?"
          + MONTH
          + ",?\\s+\\d{4})";

  private static final Pattern NUMERIC =
      Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-]\\s?(\\d{4}|\\d{2})(?!\\d)");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern WORDS =
      Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2})" + ORDINAL + ",?\\s+(\\d{4})");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?([A-Za-z]+)\\.?,?\\s+(\\d{4})");

  private Dates() {}

  /** Parses one written date; empty when it is not a real calendar date. */
  static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      Matcher m = NUMERIC.matcher(text.strip());
      if (m.lookingAt()) {
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
          year += year > 50 ? 1900 : 2000; // letters began in 2013; injuries go back decades
        }
        return plausible(
            LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      }
      m = ISO.matcher(text.strip());
      if (m.lookingAt()) {
        return plausible(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
      }
      m = WORDS.matcher(text.strip());
      if (m.lookingAt()) {
        return inWords(m.group(1), m.group(2), m.group(3));
      }
      m = DAY_FIRST.matcher(text.strip());
      if (m.lookingAt()) {
        return inWords(m.group(2), m.group(1), m.group(3));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> inWords(String monthWord, String day, String year) {
    return month(monthWord)
        .flatMap(
            month -> plausible(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day))));
  }

  private static Optional<LocalDate> plausible(LocalDate date) {
    return date.getYear() >= 1940 && date.getYear() <= 2100 ? Optional.of(date) : Optional.empty();
  }

  private static Optional<Month> month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < 3) {
      return Optional.empty();
    }
    for (Month month : Month.values()) {
      if (month.name().toLowerCase(Locale.ROOT).startsWith(w.substring(0, 3))) {
        return Optional.of(month);
      }
    }
    return Optional.empty();
  }
}
