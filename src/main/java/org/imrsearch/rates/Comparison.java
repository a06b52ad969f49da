package org.imrsearch.rates;

/**
 * Two selections' overturn rates side by side, and whether they differ by more than chance.
 *
 * @param a the first selection's rate (key: its filters as given)
 * @param b the second's
 * @param difference a's rate minus b's, with Newcombe's 95% interval
 * @param p two-sided p-value of no difference (Fisher's exact test for small cells, chi-square
 *     otherwise)
 * @param overlap decisions in both selections; the test assumes there are none
 * @param took milliseconds spent in the service
 */
public record Comparison(
    String query,
    RateRow a,
    RateRow b,
    Difference difference,
    double p,
    long overlap,
    String note,
    long took) {
  public static final String NOTE =
      "Counts decisions. The difference is a's rate minus b's with Newcombe's 95% interval (from"
          + " each rate's Wilson interval); p is two-sided, from Fisher's exact test when a 2x2 cell"
          + " expects fewer than 5 decisions, else Pearson's chi-square test. The test assumes no"
          + " decision is in both selections (see overlap).";

  /** A difference of two rates with its 95% interval. */
  public record Difference(double estimate, double ciLow, double ciHigh) {}
}
