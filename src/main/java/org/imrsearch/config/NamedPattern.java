package org.imrsearch.config;

import java.util.regex.Pattern;

/** A canonical name and the pattern that recognises it in text. */
public record NamedPattern(String name, Pattern pattern) {

  /**
   * A pattern for a literal phrase as letters write it: any run of spaces, commas, hyphens, slashes
   * or colons between words, "&" and "and" interchangeable.
   */
  public static Pattern phrase(String literal) {
    StringBuilder regex = new StringBuilder();
    for (String word : literal.strip().split("[\\s,\\-\u2013/:]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!regex.isEmpty()) {
        regex.append("[\\s,\\-\u2013/:]+");
      }
      regex.append(
          word.equals("&") || word.equalsIgnoreCase("and") ? "(?:&|and)" : Pattern.quote(word));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
