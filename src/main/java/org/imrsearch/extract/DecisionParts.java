package org.imrsearch.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.model.Outcome;

/** Small rules shared by the decision extractors of every layout. */
final class DecisionParts {
  private static final Pattern LEADING_COPULA =
      Pattern.compile("(?i)^\\s*(?:[,:]\\s*)?(?:(?:is|was)\\b\\s*:?\\s*)?");
  private static final Pattern LEADING =
      Pattern.compile(
          "(?i)^(?:\\d{1,2}\\s*[.)]\\s*)?(?:MAXIMUS\\s+Federal\\s+Services,?\\s+Inc\\.?\\s+"
              + "has\\s+determined\\s+(?:that\\s+)"
              + "?)?"
              + "(?:Regarding\\s+)?(?:(?:the\\s+)?request(?:ed)?\\s+(?:for|of)\\s+(?:an?\\s+|"
              + "the\\s+)?)?");
  private static final Pattern ARTICLE = Pattern.compile("(?i)^(?:an?|the)\\s+");
  private static final Pattern TRAILING =
      Pattern.compile("(?i)[\\s:;,.]+$|\\s+(?:is|was|are|were)\\s*$");
  private static final Pattern ORIGINAL_REQUEST = Pattern.compile("(?i)original\\s+request");
  private static final Pattern WAS_ORIGINAL =
      Pattern.compile("(?i)^(.+?)\\s+was\\s+the\\s+original\\s+request");
  private static final Pattern CONCLUSION =
      Pattern.compile("(?i)\\b(not\\s+|non-?\\s*)?(?:medically\\s+necessary|certified)\\b");
  private static final Pattern DECISION_WORD =
      Pattern.compile("(?i)\\b(upheld|overturned|reversed|denial\\s+is\\s+upheld)\\b");

  private DecisionParts() {}

  /**
   * The treatment named by an item phrase, without numbering, "the request for" or a trailing "is".
   */
  static String cleanItem(String phrase) {
    String s = Prose.join(phrase);
    for (int i = 0; i < 3 && mayEndInTrailing(s); i++) {
      s = TRAILING.matcher(s).replaceAll("");
    }
    s = LEADING.matcher(s).replaceFirst("");
    return s.strip();
  }

  /**
   * False only when {@link #TRAILING} cannot match: the text ends in neither a blank, a punctuation
   * mark, a line separator (before which {@code $} also matches) nor "is", "was", "are" or "were".
   * Most items end in a word, and the pattern is costly to try at every blank.
   */
  private static boolean mayEndInTrailing(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last > 0x7e
        || last == ':'
        || last == ';'
        || last == ','
        || last == '.'
        || Character.isWhitespace(last)) {
      return true;
    }
    String end = s.substring(Math.max(0, s.length() - 4)).toLowerCase(Locale.ROOT);
    return end.endsWith("is") || end.endsWith("was") || end.endsWith("are") || end.endsWith("were");
  }

  /**
   * An item as the older layouts word it ("a 28 day functional restoration program"), article off.
   */
  static String cleanItemWithoutArticle(String phrase) {
    return ARTICLE.matcher(cleanItem(phrase)).replaceFirst("");
  }

  /**
   * For a modified request ("X was the original request. ... The remaining IMR eligible portion of
   * the original request, Z is"), the decided item Z (or X); null when the paragraph is a plain
   * item.
   */
  static String decidedPortion(String paragraph) {
    String p = Prose.join(paragraph);
    Matcher m = ORIGINAL_REQUEST.matcher(p);
    int lastEnd = -1;
    while (m.find()) {
      lastEnd = m.end();
    }
    if (lastEnd < 0) {
      return null;
    }
    String tail = LEADING_COPULA.matcher(p.substring(lastEnd)).replaceFirst("");
    tail = cleanItem(tail);
    if (tail.codePoints().filter(Character::isLetterOrDigit).count() >= 2) {
      return tail;
    }
    Matcher was = WAS_ORIGINAL.matcher(p);
    return was.find() ? cleanItem(was.group(1)) : null;
  }

  /**
   * The outcome a prose conclusion states: the last "(not) medically necessary" or
   * "(non-)certified" wins, since reviewers quote the guideline first and conclude last; null when
   * the text states none.
   */
  static Outcome concludedOutcome(String text) {
    Matcher m = CONCLUSION.matcher(Prose.join(text));
    Boolean negative = null;
    while (m.find()) {
      negative = m.group(1) != null;
    }
    if (negative != null) {
      return negative ? Outcome.UPHELD : Outcome.OVERTURNED;
    }
    Matcher word = DECISION_WORD.matcher(text);
    String last = null;
    while (word.find()) {
      last = word.group(1).toLowerCase(Locale.ROOT);
    }
    if (last == null) {
      return null;
    }
    return last.startsWith("overturned") || last.equals("reversed")
        ? Outcome.OVERTURNED
        : Outcome.UPHELD;
  }
}
