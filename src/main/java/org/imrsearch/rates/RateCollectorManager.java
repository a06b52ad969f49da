package org.imrsearch.rates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.imrsearch.index.IndexField;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.BadRequestException;

/**
 * Counts decisions and overturned decisions per group (or pair of groups) in one pass over the
 * hits, reading only the doc values of the grouping fields and the outcome, instead of counting
 * every facet dimension twice.
 */
final class RateCollectorManager
    implements CollectorManager<RateCollectorManager.RateCollector, RateCollectorManager.Counts> {
  /** Decisions and overturned decisions in total and per key (one value per grouping). */
  record Counts(long total, long overturned, Map<List<String>, long[]> byKey) {}

  /** Group combinations counted in arrays per segment; more would be a report nobody reads. */
  private static final long MAX_CELLS = 4_000_000;

  private final List<String> fields;

  RateCollectorManager(List<String> fields) {
    this.fields = List.copyOf(fields);
  }

  @Override
  public RateCollector newCollector() {
    return new RateCollector();
  }

  @Override
  public Counts reduce(Collection<RateCollector> collectors) {
    long total = 0;
    long overturned = 0;
    Map<List<String>, long[]> byKey = new HashMap<>();
    for (RateCollector c : collectors) {
      total += c.total;
      overturned += c.overturned;
      c.byKey.forEach(
          (key, n) -> {
            long[] sum = byKey.computeIfAbsent(key, k -> new long[2]);
            sum[0] += n[0];
            sum[1] += n[1];
          });
    }
    return new Counts(total, overturned, byKey);
  }

  final class RateCollector implements Collector {
    long total;
    long overturned;
    final Map<List<String>, long[]> byKey = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues outcome =
          DocValues.getSortedSet(context.reader(), IndexField.OUTCOME.fieldName());
      long overturnedOrd = outcome.lookupTerm(new BytesRef(Outcome.OVERTURNED.label()));
      List<SortedSetDocValues> groups = new ArrayList<>();
      for (String field : fields) {
        groups.add(DocValues.getSortedSet(context.reader(), field));
      }
      // Per segment, count by ordinal (pair) in arrays; ordinals become strings once, at the end.
      long width = groups.size() == 2 ? Math.max(1, groups.get(1).getValueCount()) : 1;
      long cells = Math.max(1, groups.get(0).getValueCount()) * width;
      if (cells > MAX_CELLS) {
        throw new BadRequestException(
            "too many groups to count (" + cells + " combinations): group by fewer values");
      }
      long[] all = new long[(int) cells];
      long[] over = new long[(int) cells];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          boolean isOver =
              overturnedOrd >= 0 && outcome.advanceExact(doc) && outcome.nextOrd() == overturnedOrd;
          total++;
          overturned += isOver ? 1 : 0;
          SortedSetDocValues first = groups.get(0);
          if (!first.advanceExact(doc)) {
            return;
          }
          long[] firstOrds = ords(first);
          if (groups.size() == 1) {
            for (long a : firstOrds) {
              add(a, isOver);
            }
            return;
          }
          SortedSetDocValues second = groups.get(1);
          if (!second.advanceExact(doc)) {
            return;
          }
          long[] secondOrds = ords(second);
          for (long a : firstOrds) {
            for (long b : secondOrds) {
              add(a * width + b, isOver);
            }
          }
        }

        private void add(long cell, boolean isOver) {
          all[(int) cell]++;
          if (isOver) {
            over[(int) cell]++;
          }
        }

        @Override
        public void finish() throws IOException {
          for (int cell = 0; cell < all.length; cell++) {
            if (all[cell] == 0) {
              continue;
            }
            List<String> key =
                groups.size() == 1
                    ? List.of(groups.get(0).lookupOrd(cell).utf8ToString())
                    : List.of(
                        groups.get(0).lookupOrd(cell / width).utf8ToString(),
                        groups.get(1).lookupOrd(cell % width).utf8ToString());
            long[] sum = byKey.computeIfAbsent(key, k -> new long[2]);
            sum[0] += all[cell];
            sum[1] += over[cell];
          }
        }
      };
    }
  }

  private static long[] ords(SortedSetDocValues values) throws IOException {
    long[] ords = new long[values.docValueCount()];
    for (int i = 0; i < ords.length; i++) {
      ords[i] = values.nextOrd();
    }
    return ords;
  }
}
