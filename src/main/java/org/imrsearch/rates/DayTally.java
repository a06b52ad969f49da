package org.imrsearch.rates;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * One group's decision times while they are counted, by either engine: the decisions, those without
 * dates, the days of the others (for exact percentiles) and those past their deadline.
 */
public final class DayTally {
  private long decisions;
  private long notStated;
  private long withDeadline;
  private long pastDeadline;
  private int[] days = new int[16];
  private int timed;

  /** One decision that took {@code d} days (negative: not stated), under {@code deadline}. */
  public void add(long d, OptionalInt deadline) {
    decisions++;
    if (d < 0) {
      notStated++;
      return;
    }
    append((int) d);
    if (deadline.isPresent()) {
      withDeadline++;
      pastDeadline += d > deadline.getAsInt() ? 1 : 0;
    }
  }

  /** Another tally's decisions. */
  public void addAll(DayTally other) {
    decisions += other.decisions;
    notStated += other.notStated;
    withDeadline += other.withDeadline;
    pastDeadline += other.pastDeadline;
    for (int i = 0; i < other.timed; i++) {
      append(other.days[i]);
    }
  }

  private void append(int d) {
    if (timed == days.length) {
      days = Arrays.copyOf(days, timed * 2);
    }
    days[timed++] = d;
  }

  /** The figures of the decisions added, as the row {@code key}. */
  public DecisionTimes.Row row(List<String> key) {
    int[] sorted = Arrays.copyOf(days, timed);
    Arrays.sort(sorted);
    return new DecisionTimes.Row(
        key,
        decisions,
        notStated,
        timed == 0 ? null : percentile(sorted, 50),
        timed == 0 ? null : percentile(sorted, 90),
        withDeadline,
        pastDeadline,
        withDeadline == 0 ? null : (double) pastDeadline / withDeadline);
  }

  /** The nearest-rank percentile: the smallest value with at least {@code q}% at or below it. */
  private static int percentile(int[] sorted, int q) {
    int rank = (int) Math.ceil(q / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
