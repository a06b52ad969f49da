package org.imrsearch.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Dunning's log-likelihood, worked by hand: 2 * sum of O ln(O/E) over the 2x2 table. */
class DistinctiveG2Test {
  @Test
  void tenOfAHundredAgainstTwoOfAHundred() {
    // E = 6, 94, 6, 94: 2 * (10 ln 10/6 + 90 ln 90/94 + 2 ln 2/6 + 98 ln 98/94) = 6.1616.
    assertEquals(6.1616, DistinctiveService.g2(10, 100, 2, 100), 1e-3);
  }

  @Test
  void theSameShareOnBothSidesIsZeroAndTheTestIsSymmetric() {
    assertEquals(0, DistinctiveService.g2(5, 50, 10, 100), 1e-12);
    assertEquals(
        DistinctiveService.g2(10, 100, 2, 100), DistinctiveService.g2(2, 100, 10, 100), 1e-12);
  }
}
