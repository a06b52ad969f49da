package org.imrsearch.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A period is flagged only when its rate leaves the interval of the twelve months before it. */
class ShiftsTest {
  @Test
  void aMonthOutsideTheIntervalOfTheYearBeforeIsFlaggedAndOnlyThen() {
    List<RateRow> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(month(2016, m, 100, 10)); // a steady 10%
    }
    months.add(month(2017, 1, 100, 30)); // 30%: far above 8.7%-11.6%
    months.add(month(2017, 2, 100, 11)); // within
    months.add(month(2017, 3, 10, 9)); // 90%, but only 10 decisions: small, never flagged
    months.add(month(2017, 4, 200, 2)); // 1%: below
    List<RateRow> flagged = RateService.shifts(months, 12);

    assertNull(flagged.get(0).shift(), "no months before the first");
    assertNull(flagged.get(11).shift());
    assertEquals("up", flagged.get(12).shift());
    assertNull(flagged.get(13).shift());
    assertNull(flagged.get(14).shift(), "a small period is not flagged");
    assertEquals("down", flagged.get(15).shift());
  }

  @Test
  void yearsCompareWithTheYearBefore() {
    List<RateRow> years =
        List.of(
            year(2014, 500, 50),
            year(2015, 500, 52),
            year(2016, 500, 100),
            row("not stated", 40, 20));
    List<RateRow> flagged = RateService.shifts(years, 1);
    assertNull(flagged.get(1).shift());
    assertEquals("up", flagged.get(2).shift());
    assertNull(flagged.get(3).shift(), "undated decisions are not a period");
  }

  private static RateRow month(int year, int month, long n, long o) {
    return row(String.format(Locale.ROOT, "%d/%02d", year, month), n, o);
  }

  private static RateRow year(int year, long n, long o) {
    return row(Integer.toString(year), n, o);
  }

  private static RateRow row(String key, long n, long o) {
    return RateRow.of(List.of(key), n, o);
  }
}
