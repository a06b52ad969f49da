package org.imrsearch.rates;

import java.util.List;
import java.util.Map;

/**
 * How long decisions took: days from the application for IMR (or, without it, the date the case was
 * assigned) to the decision, per group of the selection.
 *
 * @param deadlines the days allowed per priority, from {@code index-config/deadlines.tsv}
 */
public record DecisionTimes(
    String query,
    String by,
    String note,
    Map<String, Integer> deadlines,
    Row all,
    List<Row> rows,
    long took) {
  public static final String NOTE =
      "Days from the application for IMR (or, where a letter does not give it, the date the case"
          + " was assigned) to the decision, per decision. Decisions whose letter lacks the dates"
          + " count as not stated, never as zero. Past deadline: decisions that took longer than"
          + " their priority allows, among those with a stated time and a priority that has a"
          + " deadline.";

  public DecisionTimes {
    rows = List.copyOf(rows);
    deadlines = Map.copyOf(deadlines);
  }

  /**
   * One group.
   *
   * @param decisions every decision of the group
   * @param notStated decisions without the dates to time them
   * @param median median days of the timed decisions (null when none)
   * @param p90 the 90th percentile of days (nearest rank; null when none)
   * @param withDeadline timed decisions whose priority has a deadline
   * @param pastDeadline those of them that took longer than it
   * @param pastDeadlineShare pastDeadline over withDeadline (null when none)
   */
  public record Row(
      List<String> key,
      long decisions,
      long notStated,
      Integer median,
      Integer p90,
      long withDeadline,
      long pastDeadline,
      Double pastDeadlineShare) {
    public Row {
      key = List.copyOf(key);
    }
  }
}
