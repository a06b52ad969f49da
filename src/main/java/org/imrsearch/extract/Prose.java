package org.imrsearch.extract;

import java.util.regex.Pattern;

/** Turns wrapped PDF lines back into running prose. */
final class Prose {
  private static final Pattern HYPHEN_BREAK = Pattern.compile("(?<=[\\p{L}\\p{N}])-[ \\t]*\\n[ \\t]*(?=[\\p{L}\\p{N}])");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
    String joined = HYPHEN_BREAK.matcher(text).replaceAll("-");
    return WHITESPACE.matcher(joined).replaceAll(" ").strip();
  }
}
