package org.imrsearch.rates;

import java.util.List;

/**
 * The overturn rate of one group: overturned decisions over all decisions, with a 95% Wilson score
 * interval, honest even for small groups (which are flagged, not hidden).
 *
 * @param key the group's value(s): one per grouping
 * @param small fewer decisions than {@link #SMALL}: read the interval, not the rate
 * @param p two-sided p-value that the group's rate equals the rest of the selection's (Fisher's
 *     exact test for small cells, chi-square otherwise: {@link Proportions}); null for the baseline
 * @param pAdjusted {@code p} adjusted for the number of rows (Benjamini-Hochberg); null for the
 *     baseline
 * @param shift for a period of a time grouping: "up" or "down" when its rate lies outside the 95%
 *     interval of the rate of the twelve months before it (pooled), null otherwise (see {@link
 *     RateTable#SHIFT_RULE})
 */
public record RateRow(
    List<String> key,
    long decisions,
    long overturned,
    double rate,
    double ciLow,
    double ciHigh,
    boolean small,
    Double p,
    Double pAdjusted,
    String shift) {
  /** Below this many decisions an interval is wide enough that rates mislead on their own. */
  public static final long SMALL = 30;

  private static final double Z = 1.959963984540054;

  public RateRow {
    key = List.copyOf(key);
  }

  public static RateRow of(List<String> key, long decisions, long overturned) {
    if (decisions == 0) {
      return new RateRow(key, 0, 0, 0, 0, 0, true, null, null, null);
    }
    double n = decisions;
    double p = overturned / n;
    double z2 = Z * Z;
    double center = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return new RateRow(
        key,
        decisions,
        overturned,
        p,
        Math.max(0, center - half),
        Math.min(1, center + half),
        decisions < SMALL,
        null,
        null,
        null);
  }

  /** This row with its test against the rest of the selection. */
  RateRow withP(double p, double pAdjusted) {
    return new RateRow(key, decisions, overturned, rate, ciLow, ciHigh, small, p, pAdjusted, shift);
  }

  /** This row flagged as a shift ("up", "down") against the year before it. */
  RateRow withShift(String shift) {
    return new RateRow(key, decisions, overturned, rate, ciLow, ciHigh, small, p, pAdjusted, shift);
  }
}
