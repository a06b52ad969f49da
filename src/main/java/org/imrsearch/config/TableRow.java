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
    return Pattern.compile("\\|").splitAsStream(cell(i)).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Cell {@code i} compiled as a case-insensitive regular expression. */
  public Pattern regex(int i) {
    try {
      return Pattern.compile(cell(i), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw error("bad regular expression in column " + (i + 1) + ": " + e.getDescription());
    }
  }

  public ConfigException error(String message) {
    return new ConfigException(file + ":" + line + ": " + message);
  }
}
