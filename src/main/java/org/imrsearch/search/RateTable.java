package org.imrsearch.search;

import java.util.List;

/**
 * Overturn rates of the selected decisions grouped one or two ways, with the selection's
 * overall rate as the baseline.
 *
 * @param by the groupings ("guideline", or "guideline", "year" for a two-way table)
 * @param counts always "decisions": one letter with three items counts three times
 */
public record RateTable(String query, List<String> by, String counts, String note, RateRow baseline, List<RateRow> rows, long took) {
  public static final String NOTE = "Counts decisions, not letters: a letter deciding three items counts three times. "
      + "A decision citing two guideline families counts in both rows. Intervals are 95% Wilson score intervals; "
      + "rows with fewer than " + RateRow.SMALL + " decisions are flagged small.";

  public RateTable {
    by = List.copyOf(by);
    rows = List.copyOf(rows);
  }
}
