package org.imrsearch.rates;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.distribution.discrete.HypergeometricDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;

/**
 * Tests on two overturn rates: is the difference between two groups more than chance would give?
 * Fisher's exact test where a 2x2 table has an expected cell under 5 (small groups, the common case
 * for rare treatments), Pearson's chi-square test otherwise; Newcombe's interval for the
 * difference; Benjamini-Hochberg adjustment when many rows are each tested against the rest.
 */
public final class Proportions {
  /** Below this expected count in any cell the chi-square approximation is not trusted. */
  static final double MIN_EXPECTED = 5;

  /** Relative slack when comparing table probabilities, as R's fisher.test does. */
  private static final double RELATIVE_ERROR = 1 + 1e-7;

  private Proportions() {}

  /**
   * The two-sided p-value that overturned/decisions of group a and of group b come from one rate. 1
   * when either group is empty.
   */
  public static double twoSidedP(
      long overturnedA, long decisionsA, long overturnedB, long decisionsB) {
    if (decisionsA == 0 || decisionsB == 0) {
      return 1;
    }
    long[][] table = {
      {overturnedA, decisionsA - overturnedA},
      {overturnedB, decisionsB - overturnedB}
    };
    long overturned = overturnedA + overturnedB;
    long total = decisionsA + decisionsB;
    if (overturned == 0 || overturned == total) {
      return 1; // one outcome only: nothing to tell apart
    }
    // The smallest expected cell: smallest row total times smallest column total, over the total.
    double minExpected =
        Math.min(decisionsA, decisionsB)
            * (double) Math.min(overturned, total - overturned)
            / total;
    return minExpected < MIN_EXPECTED
        ? fisherTwoSided(table)
        : new ChiSquareTest().chiSquareTest(table);
  }

  /**
   * Fisher's exact test, two-sided: the probability, given the margins, of every table at most as
   * likely as the observed one.
   */
  static double fisherTwoSided(long[][] table) {
    long a = table[0][0];
    long rowA = table[0][0] + table[0][1];
    long colOverturned = table[0][0] + table[1][0];
    long total = rowA + table[1][0] + table[1][1];
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many decisions for an exact test: " + total);
    }
    HypergeometricDistribution tables =
        new HypergeometricDistribution((int) total, (int) colOverturned, (int) rowA);
    double observed = tables.probability((int) a);
    double p = 0;
    for (int k = tables.getSupportLowerBound(); k <= tables.getSupportUpperBound(); k++) {
      double pk = tables.probability(k);
      if (pk <= observed * RELATIVE_ERROR) {
        p += pk;
      }
    }
    return Math.min(1, p);
  }

  /**
   * Newcombe's hybrid score interval (his method 10) for rate a minus rate b, from each rate's 95%
   * Wilson interval: {low, high}.
   */
  public static double[] differenceInterval(RateRow a, RateRow b) {
    double d = a.rate() - b.rate();
    double low = d - Math.sqrt(square(a.rate() - a.ciLow()) + square(b.ciHigh() - b.rate()));
    double high = d + Math.sqrt(square(a.ciHigh() - a.rate()) + square(b.rate() - b.ciLow()));
    return new double[] {Math.max(-1, low), Math.min(1, high)};
  }

  /**
   * Benjamini-Hochberg adjusted p-values (the false discovery rate of calling each significant), in
   * the order given.
   */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      adjusted[i] = Math.min(1, running);
    }
    return adjusted;
  }

  private static double square(double x) {
    return x * x;
  }
}
