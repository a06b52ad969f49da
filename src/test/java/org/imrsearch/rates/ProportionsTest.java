package org.imrsearch.rates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests of two rates, against worked examples published with the methods. */
class ProportionsTest {
  @Test
  void fisherExactTestMatchesTheLadyTastingTea() {
    // Fisher (1935): 3 of 4 cups right each way; two-sided p = 0.4857.
    assertEquals(0.4857, Proportions.fisherTwoSided(new long[][] {{3, 1}, {1, 3}}), 1e-4);
  }

  @Test
  void fisherExactTestMatchesTheTextbookDietingExample() {
    // 1 of 10 men and 9 of 12 women dieting (a common textbook table): two-sided p = 0.002759.
    assertEquals(0.002759, Proportions.fisherTwoSided(new long[][] {{1, 9}, {11, 3}}), 1e-6);
  }

  @Test
  void smallGroupsUseFishersTestLargeOnesChiSquare() {
    // 20/50 against 30/50: Pearson's chi-square is exactly 4, p = 0.0455.
    assertEquals(0.0455, Proportions.twoSidedP(20, 50, 30, 50), 1e-4);
    // 3/4 against 1/4: expected cells of 2, so Fisher's exact test (the tea-tasting table).
    assertEquals(0.4857, Proportions.twoSidedP(3, 4, 1, 4), 1e-4);
    // 1/10 against 11/14: the smallest expected cell is exactly 5, so chi-square (p = 0.000925).
    assertEquals(0.000925, Proportions.twoSidedP(1, 10, 11, 14), 1e-6);
    assertEquals(1, Proportions.twoSidedP(0, 10, 0, 20), "no overturns at all: no difference");
    assertEquals(1, Proportions.twoSidedP(0, 0, 3, 20), "an empty group: no test");
  }

  @Test
  void newcombeIntervalMatchesHisPublishedExamples() {
    // Newcombe (1998), Statistics in Medicine 17:873, method 10.
    double[] first = Proportions.differenceInterval(row(56, 70), row(48, 80));
    assertEquals(0.0524, first[0], 5e-4);
    assertEquals(0.3339, first[1], 5e-4);
    double[] second = Proportions.differenceInterval(row(9, 10), row(3, 10));
    assertEquals(0.1705, second[0], 5e-4);
    assertEquals(0.8090, second[1], 5e-4);
  }

  @Test
  void benjaminiHochbergMatchesRsPAdjust() {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") in R: 0.02 0.04 0.04 0.02.
    assertArrayEquals(
        new double[] {0.02, 0.04, 0.04, 0.02},
        Proportions.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-12);
  }

  private static RateRow row(long overturned, long decisions) {
    return RateRow.of(List.of("x"), decisions, overturned);
  }
}
