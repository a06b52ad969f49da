package org.imrsearch.rates;

import java.util.List;

/**
 * Overturn rates of the selected decisions grouped one or two ways, with the selection's overall
 * rate as the baseline.
 *
 * @param by the groupings ("guideline", or "guideline", "year" for a two-way table)
 * @param counts always "decisions": one letter with three items counts three times
 * @param shiftRule for a time grouping, the rule by which its rows are flagged as shifts; null
 *     otherwise
 * @param took milliseconds spent in the service
 * @param cached whether the table came from the cache of recent results
 */
public record RateTable(
    String query,
    List<String> by,
    String counts,
    String note,
    String shiftRule,
    RateRow baseline,
    List<RateRow> rows,
    long took,
    boolean cached) {
  public static final String NOTE =
      "Counts decisions, not letters: a letter deciding three items counts three times. A decision"
          + " citing two guideline families counts in both rows. Intervals are 95% Wilson score"
          + " intervals; rows with fewer than "
          + RateRow.SMALL
          + " decisions are flagged small.";

  /** How a period of a time grouping is flagged as a shift; the pages show it as written. */
  public static final String SHIFT_RULE =
      "A period is flagged when it has at least "
          + RateRow.SMALL
          + " decisions and its rate lies outside the 95% Wilson interval of the rate of the twelve"
          + " months before it, pooled (the year before, for years).";

  public RateTable {
    by = List.copyOf(by);
    rows = List.copyOf(rows);
  }

  RateTable fromCache(long tookMillis) {
    return new RateTable(query, by, counts, note, shiftRule, baseline, rows, tookMillis, true);
  }
}
