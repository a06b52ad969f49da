package org.imrsearch.rates;

import java.util.List;

/**
 * Overturn rates of the selected decisions grouped one or two ways, with the selection's overall
 * rate as the baseline.
 *
 * @param by the groupings ("guideline", or "guideline", "year" for a two-way table)
 * @param counts always "decisions": one letter with three items counts three times
 * @param took milliseconds spent in the service
 * @param cached whether the table came from the cache of recent results
 */
public record RateTable(
    String query,
    List<String> by,
    String counts,
    String note,
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

  public RateTable {
    by = List.copyOf(by);
    rows = List.copyOf(rows);
  }

  RateTable fromCache(long tookMillis) {
    return new RateTable(query, by, counts, note, baseline, rows, tookMillis, true);
  }
}
