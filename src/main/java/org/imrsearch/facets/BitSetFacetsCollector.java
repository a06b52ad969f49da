package org.imrsearch.facets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * A facets collector (hits to count, without scores) that sets each segment's hits in a bit set
 * from the first hit, where Lucene's collector buffers doc ids and converts them once the segment's
 * hits turn out dense. A broad query's hits are counted against bit sets anyway ({@link
 * BitSetFacetCounts}), and setting bits directly makes the pass that collects them cheaper.
 *
 * <p>Each collector serves one search thread at a time, as Lucene's does; {@link #manager()} joins
 * the threads' collectors.
 */
final class BitSetFacetsCollector extends FacetsCollector {
  private final List<MatchingDocs> matching = new ArrayList<>();
  private LeafReaderContext context;
  private FixedBitSet bits;
  private int hits;

  private BitSetFacetsCollector() {
    super(false);
  }

  /** Collectors for a search over any number of threads, joined into one when it ends. */
  static CollectorManager<BitSetFacetsCollector, FacetsCollector> manager() {
    return new CollectorManager<>() {
      @Override
      public BitSetFacetsCollector newCollector() {
        return new BitSetFacetsCollector();
      }

      @Override
      public FacetsCollector reduce(Collection<BitSetFacetsCollector> collectors) {
        BitSetFacetsCollector all = new BitSetFacetsCollector();
        for (BitSetFacetsCollector c : collectors) {
          all.matching.addAll(c.matching);
        }
        return all;
      }
    };
  }

  /** The number of hits {@code collected} holds, over all segments. */
  static long totalHits(FacetsCollector collected) {
    return collected.getMatchingDocs().stream().mapToLong(MatchingDocs::totalHits).sum();
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) {
    this.context = context;
    this.bits = new FixedBitSet(context.reader().maxDoc());
    this.hits = 0;
  }

  @Override
  public void collect(int doc) {
    bits.set(doc);
    hits++;
  }

  @Override
  public void finish() {
    matching.add(new MatchingDocs(context, new BitDocIdSet(bits, hits), hits, null));
    bits = null;
  }

  @Override
  public List<MatchingDocs> getMatchingDocs() {
    return matching;
  }
}
