package org.imrsearch.extract;

/** Turns wrapped PDF lines back into running prose. */
public final class Prose {

  private Prose() {}

  /**
   * Joins lines into one paragraph: a line that ends with a hyphen joins the next with no space
   * ("11-21-" + "2016"), keeping the hyphen because these letters hyphenate dates, codes and
   * compounds far more often than they split words; all other whitespace becomes one space.
   */
  public static String join(String text) {
    if (text == null) {
      return "";
    }
    // A char array, not a StringBuilder: this runs over every rationale and summary of every
    // letter.
    char[] out = new char[text.length()];
    int length = 0;
    boolean pendingSpace = false;
    boolean newlineInGap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = length > 0;
        newlineInGap |= c == '\n';
        continue;
      }
      if (pendingSpace) {
        // "11-21-" at a line end + "2016": the hyphen stays, the break goes.
        boolean hyphenBreak =
            newlineInGap
                && length > 1
                && out[length - 1] == '-'
                && Character.isLetterOrDigit(out[length - 2])
                && Character.isLetterOrDigit(c);
        if (!hyphenBreak) {
          out[length++] = ' ';
        }
        pendingSpace = false;
      }
      newlineInGap = false;
      out[length++] = c;
    }
    return new String(out, 0, length);
  }

  /** The characters of the regex class {@code \s}: what patterns' blanks match. */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@link Character#isWhitespace(char)}, answered without a table look-up for the common case. */
  private static boolean isWhitespace(char c) {
    if (c > ' ' && c < 0x7f) {
      return false;
    }
    return Character.isWhitespace(c);
  }

  /**
   * {@code text} with A-Z lowered and every other character as it is, so positions in the result
   * are positions in {@code text}: what Java's case-insensitive patterns (ASCII only) see as equal.
   */
  static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      // One unsigned comparison and a conditional the JIT can turn into a select: in mixed-case
      // prose "is it upper case" is a coin toss for a branch predictor.
      char c = chars[i];
      chars[i] = (char) (c | ((c - 'A' & 0xFFFF) < 26 ? 0x20 : 0));
    }
    return new String(chars);
  }

  /** How many letters {@code text} holds: a cheap "is there a word here" test. */
  static int letters(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
