package org.imrsearch.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One row of an index-config table, remembering where it came from for error messages. */
public record TableRow(String file, int line, List<String> cells) {

  public TableRow {
    cells = List.copyOf(cells);
  }

  /** Cell {@code i}, or "" when the row is shorter. */
  public String cell(int i) {
    return i < cells.size() ? cells.get(i) : "";
  }

  /** Cell {@code i} split on {@code |}, blanks dropped. */
  public List<String> alternatives(int i) {
    return Pattern.compile("\\|")
        .splitAsStream(cell(i))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * Cell {@code i} compiled to match text already in lower case: the pattern's letters are lowered
   * (escapes such as {@code \\S} or {@code \\p{Lu}} kept), which makes the same rule several times
   * faster than a case-insensitive match on a hot path.
   */
  public Pattern lowerCaseRegex(int i) {
    try {
      return Pattern.compile(lowerCaseLiterals(cell(i)));
    } catch (PatternSyntaxException e) {
      throw error("bad regular expression in column " + (i + 1) + ": " + e.getDescription());
    }
  }

  /** The regex with its literal letters in lower case and every escape sequence as written. */
  static String lowerCaseLiterals(String regex) {
    StringBuilder out = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c != '\\' || i + 1 >= regex.length()) {
        out.append(Character.toLowerCase(c));
        continue;
      }
      char next = regex.charAt(i + 1);
      out.append(c).append(next);
      i++;
      if ((next == 'p' || next == 'P' || next == 'N' || next == 'k')
          && i + 1 < regex.length()
          && regex.charAt(i + 1) == '{') {
        int close = regex.indexOf('}', i + 1);
        int stop = close < 0 ? regex.length() - 1 : close;
        out.append(regex, i + 1, stop + 1);
        i = stop;
      }
    }
    return out.toString();
  }

  /** Cell {@code i} compiled as a case-insensitive regular expression. */
  public Pattern regex(int i) {
    try {
      return Pattern.compile(cell(i), Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw error("bad regular expression in column " + (i + 1) + ": " + e.getDescription());
    }
  }

  public ConfigException error(String message) {
    return new ConfigException(file + ":" + line + ": " + message);
  }
}
