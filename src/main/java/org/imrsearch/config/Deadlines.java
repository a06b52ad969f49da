package org.imrsearch.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Days allowed for a review, by the letter's priority ({@code index-config/deadlines.tsv}): the
 * time-to-decision view counts the decisions past them.
 */
public final class Deadlines {
  public static final String FILE = "deadlines.tsv";

  private final Map<String, Integer> days;

  private Deadlines(Map<String, Integer> days) {
    this.days = Map.copyOf(days);
  }

  public static Deadlines load(ConfigSource source) {
    Map<String, Integer> days = new LinkedHashMap<>();
    for (TableRow row : source.table(FILE, 2)) {
      try {
        int d = Integer.parseInt(row.cell(1).strip());
        if (d < 1) {
          throw row.error("a deadline is 1 day or more, not " + d);
        }
        days.put(row.cell(0).strip().toLowerCase(Locale.ROOT), d);
      } catch (NumberFormatException e) {
        throw row.error("days must be a whole number, not '" + row.cell(1) + "'");
      }
    }
    return new Deadlines(days);
  }

  /** The days allowed for a review of {@code priority} (case ignored), if it has a deadline. */
  public OptionalInt days(String priority) {
    Integer d = priority == null ? null : days.get(priority.toLowerCase(Locale.ROOT));
    return d == null ? OptionalInt.empty() : OptionalInt.of(d);
  }

  /** Every priority with its deadline, as written in the table (lower case). */
  public Map<String, Integer> all() {
    return days;
  }
}
