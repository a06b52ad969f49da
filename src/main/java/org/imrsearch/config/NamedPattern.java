package org.imrsearch.config;

import java.util.regex.Pattern;

/** A canonical name and the pattern that recognises it in text. */
public record NamedPattern(String name, Pattern pattern) {

  /**
   * A pattern for a literal phrase as letters write it: any whitespace between words, "&" and
   * "and" interchangeable, optional commas.
   */
  public static Pattern phrase(String literal) {
    StringBuilder regex = new StringBuilder();
    for (String word : literal.strip().split("\\s+")) {
      if (!regex.isEmpty()) {
        regex.append("\\s*,?\\s+");
      }
      String w = word.replaceAll(",$", "");
      if (w.equals("&") || w.equalsIgnoreCase("and")) {
        regex.append("(?:&|and)");
      } else {
        regex.append(Pattern.quote(w));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
