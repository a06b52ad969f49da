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
      if (timed == days.length) {
        days = Arrays.copyOf(days, timed * 2);
      }
      days[timed++] = (int) d;
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
        if (timed == days.length) {
          days = Arrays.copyOf(days, timed * 2);
        }
        days[timed++] = other.days[i];
      }
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

  /** Collects one slice of segments. */
  final class Leafwise extends SimpleCollector {
    final Map<String, Tally> groups = new HashMap<>();
    private SortedSetDocValues group;
    private SortedSetDocValues priority;
    private NumericDocValues days;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      group = groupField == null ? null : DocValues.getSortedSet(context.reader(), groupField);
      priority = DocValues.getSortedSet(context.reader(), IndexField.PRIORITY.fieldName());
      days = DocValues.getNumeric(context.reader(), IndexField.DECISION_DAYS.fieldName());
    }

    @Override
    public void collect(int doc) throws IOException {
      long d = days.advanceExact(doc) ? days.longValue() : -1;
      String p =
          priority.advanceExact(doc)
              ? priority.lookupOrd(priority.nextOrd()).utf8ToString()
              : LetterDocuments.NOT_STATED;
      OptionalInt deadline = deadlines.days(p);
      if (group == null) {
        groups.computeIfAbsent(ALL, k -> new Tally()).add(d, deadline);
        return;
      }
      if (!group.advanceExact(doc)) {
        return;
      }
      for (int i = 0; i < group.docValueCount(); i++) {
        String key = group.lookupOrd(group.nextOrd()).utf8ToString();
        groups.computeIfAbsent(key, k -> new Tally()).add(d, deadline);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
