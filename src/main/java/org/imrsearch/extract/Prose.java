package org.imrsearch.extract;

/** Turns wrapped PDF lines back into running prose. */
final class Prose {

  private Prose() {}

  /**
   * Joins lines into one paragraph: a line that ends with a hyphen joins the next with no space
   * ("11-21-" + "2016"), keeping the hyphen because these letters hyphenate dates, codes and
   * compounds far more often than they split words; all other whitespace becomes one space.
   */
  static String join(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = !out.isEmpty();
        continue;
      }
      if (pendingSpace) {
        // "11-21-" at a line end + "2016": the hyphen stays, the break goes.
        boolean hyphenBreak = out.charAt(out.length() - 1) == '-' && out.length() > 1
            && Character.isLetterOrDigit(out.charAt(out.length() - 2)) && Character.isLetterOrDigit(c)
            && breakHadNewline(text, i);
        if (!hyphenBreak) {
          out.append(' ');
        }
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * {@code text} with A-Z lowered and every other character as it is, so positions in the result
   * are positions in {@code text}: what Java's case-insensitive patterns (ASCII only) see as equal.
   */
  static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
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

  /** Whether the whitespace just before {@code end} holds a line break. */
  private static boolean breakHadNewline(String text, int end) {
    for (int j = end - 1; j >= 0 && Character.isWhitespace(text.charAt(j)); j--) {
      if (text.charAt(j) == '\n') {
        return true;
      }
    }
    return false;
  }
}
