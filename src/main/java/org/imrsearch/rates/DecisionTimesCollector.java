package org.imrsearch.rates;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.imrsearch.config.Deadlines;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.LetterDocuments;

/**
 * Collects, for all matching decisions and per value of a flat grouping (if any), in one pass, the
 * days each decision took, the decisions without them, and those past their priority's deadline,
 * from doc values.
 */
final class DecisionTimesCollector
    implements CollectorManager<DecisionTimesCollector.Leafwise, DecisionTimesCollector.Tallied> {
  /** The figures of all the decisions ({@code null} when none matched), and of each group. */
  record Tallied(DecisionTimes.Row all, List<DecisionTimes.Row> groups) {}

  /** The key of the row of all decisions. */
  static final String ALL = "all";

  private final String groupField;
  private final Deadlines deadlines;

  /** Groups by the keyword field {@code groupField}, or not at all when it is null. */
  DecisionTimesCollector(String groupField, Deadlines deadlines) {
    this.groupField = groupField;
    this.deadlines = deadlines;
  }

  @Override
  public Leafwise newCollector() {
    return new Leafwise();
  }

  @Override
  public Tallied reduce(Collection<Leafwise> collectors) {
    Map<String, DayTally> groups = new HashMap<>();
    DayTally all = null;
    for (Leafwise c : collectors) {
      c.groups.forEach((key, t) -> groups.computeIfAbsent(key, k -> new DayTally()).addAll(t));
      if (c.overall != null) {
        if (all == null) {
          all = new DayTally();
        }
        all.addAll(c.overall);
      }
    }
    return new Tallied(
        all == null ? null : all.row(List.of(ALL)),
        groups.entrySet().stream().map(e -> e.getValue().row(List.of(e.getKey()))).toList());
  }

  /**
   * Collects one slice of segments. Within a segment it works on ordinals (a tally per group
   * ordinal, a deadline per priority ordinal) and names them once, when the segment is done.
   */
  final class Leafwise extends SimpleCollector {
    final Map<String, DayTally> groups = new HashMap<>();

    /** All of this slice's decisions, once each (a decision of two groups counts in both). */
    DayTally overall;

    private SortedSetDocValues group;
    private SortedSetDocValues priority;
    private NumericDocValues days;
    private DayTally[] byOrd;
    private DayTally all;

    /** Days allowed per priority ordinal; -1 for none, unset (-2) until looked up. */
    private int[] deadlineByOrd;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      finish(); // the previous segment's, should nobody have called it
      group = groupField == null ? null : DocValues.getSortedSet(context.reader(), groupField);
      priority = DocValues.getSortedSet(context.reader(), IndexField.PRIORITY.fieldName());
      days = DocValues.getNumeric(context.reader(), IndexField.DECISION_DAYS.fieldName());
      byOrd = group == null ? null : new DayTally[(int) group.getValueCount()];
      deadlineByOrd = new int[(int) priority.getValueCount()];
      Arrays.fill(deadlineByOrd, -2);
    }

    @Override
    public void collect(int doc) throws IOException {
      long d = days.advanceExact(doc) ? days.longValue() : -1;
      OptionalInt deadline = deadline(doc);
      if (all == null) {
        all = new DayTally();
      }
      all.add(d, deadline);
      if (group == null || !group.advanceExact(doc)) {
        return;
      }
      for (int i = 0; i < group.docValueCount(); i++) {
        int ord = (int) group.nextOrd();
        if (byOrd[ord] == null) {
          byOrd[ord] = new DayTally();
        }
        byOrd[ord].add(d, deadline);
      }
    }

    private OptionalInt deadline(int doc) throws IOException {
      if (!priority.advanceExact(doc)) {
        return deadlines.days(LetterDocuments.NOT_STATED);
      }
      int ord = (int) priority.nextOrd();
      if (deadlineByOrd[ord] == -2) {
        OptionalInt days = deadlines.days(priority.lookupOrd(ord).utf8ToString());
        deadlineByOrd[ord] = days.isPresent() ? days.getAsInt() : -1;
      }
      return deadlineByOrd[ord] < 0 ? OptionalInt.empty() : OptionalInt.of(deadlineByOrd[ord]);
    }

    /** Names this segment's tallies and adds them to the slice's; once per segment. */
    @Override
    public void finish() throws IOException {
      if (all != null) {
        if (overall == null) {
          overall = new DayTally();
        }
        overall.addAll(all);
        all = null;
      }
      if (byOrd != null) {
        for (int ord = 0; ord < byOrd.length; ord++) {
          if (byOrd[ord] != null) {
            String key = group.lookupOrd(ord).utf8ToString();
            groups.computeIfAbsent(key, k -> new DayTally()).addAll(byOrd[ord]);
          }
        }
        byOrd = null;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
