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
 * Collects, per value of a flat grouping (or one group for all), the days each matching decision
 * took, the decisions without them, and those past their priority's deadline, from doc values.
 */
final class DecisionTimesCollector
    implements CollectorManager<DecisionTimesCollector.Leafwise, List<DecisionTimes.Row>> {
  /** The group of every decision when there is no grouping. */
  static final String ALL = "all";

  private final String groupField;
  private final Deadlines deadlines;

  /** Groups by the keyword field {@code groupField}, or not at all when it is null. */
  DecisionTimesCollector(String groupField, Deadlines deadlines) {
    this.groupField = groupField;
    this.deadlines = deadlines;
  }

  /** One group's figures while collecting. */
  static final class Tally {
    long decisions;
    long notStated;
    long withDeadline;
    long pastDeadline;
    int[] days = new int[16];
    int timed;

    void add(long d, OptionalInt deadline) {
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

    void addAll(Tally other) {
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

    DecisionTimes.Row row(List<String> key) {
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

  @Override
  public Leafwise newCollector() {
    return new Leafwise();
  }

  @Override
  public List<DecisionTimes.Row> reduce(Collection<Leafwise> collectors) {
    Map<String, Tally> all = new HashMap<>();
    for (Leafwise c : collectors) {
      c.groups.forEach((key, t) -> all.computeIfAbsent(key, k -> new Tally()).addAll(t));
    }
    return all.entrySet().stream().map(e -> e.getValue().row(List.of(e.getKey()))).toList();
  }

  /**
   * Collects one slice of segments. Within a segment it works on ordinals (a tally per group
   * ordinal, a deadline per priority ordinal) and names them once, when the segment is done.
   */
  final class Leafwise extends SimpleCollector {
    final Map<String, Tally> groups = new HashMap<>();
    private SortedSetDocValues group;
    private SortedSetDocValues priority;
    private NumericDocValues days;
    private Tally[] byOrd;
    private Tally all;

    /** Days allowed per priority ordinal; -1 for none, unset (-2) until looked up. */
    private int[] deadlineByOrd;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      finish(); // the previous segment's, should nobody have called it
      group = groupField == null ? null : DocValues.getSortedSet(context.reader(), groupField);
      priority = DocValues.getSortedSet(context.reader(), IndexField.PRIORITY.fieldName());
      days = DocValues.getNumeric(context.reader(), IndexField.DECISION_DAYS.fieldName());
      byOrd = group == null ? null : new Tally[(int) group.getValueCount()];
      deadlineByOrd = new int[(int) priority.getValueCount()];
      Arrays.fill(deadlineByOrd, -2);
    }

    @Override
    public void collect(int doc) throws IOException {
      long d = days.advanceExact(doc) ? days.longValue() : -1;
      OptionalInt deadline = deadline(doc);
      if (group == null) {
        if (all == null) {
          all = new Tally();
        }
        all.add(d, deadline);
        return;
      }
      if (!group.advanceExact(doc)) {
        return;
      }
      for (int i = 0; i < group.docValueCount(); i++) {
        int ord = (int) group.nextOrd();
        if (byOrd[ord] == null) {
          byOrd[ord] = new Tally();
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
        groups.computeIfAbsent(ALL, k -> new Tally()).addAll(all);
        all = null;
      }
      if (byOrd != null) {
        for (int ord = 0; ord < byOrd.length; ord++) {
          if (byOrd[ord] != null) {
            String key = group.lookupOrd(ord).utf8ToString();
            groups.computeIfAbsent(key, k -> new Tally()).addAll(byOrd[ord]);
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
