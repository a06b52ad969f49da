package org.imrsearch.facets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet counts of a broad query's hits, value by value: in each segment, the hits' bits
 * intersected with each value's bits ({@link FacetBitSets}), a population count over a machine word
 * per 64 documents. Reading each hit's facet ordinals instead (Lucene's doc-value counting) costs
 * about 20 ordinals per decision, which for a broad query is more work than reading the bits.
 *
 * <p>The given dimensions are counted at construction, segments side by side; other levels, such as
 * the parts under a selected citation, when first asked for. A level with too many values to keep
 * as bits is answered by {@code fallback}, Lucene's own counts, worked out only if needed.
 *
 * <p>The children's labels and counts, their order (most first, ties in label order), the cut at
 * top N, and what a level without counted children gives (top children: null; all children: an
 * empty result) are Lucene's. Unlike Lucene: a dimension's or path's own total is not kept ({@link
 * FacetResult#value} is -1, as Lucene gives for multi-valued dimensions), and a path the index does
 * not have gives an empty result or a count of 0, not null or -1.
 */
final class BitSetFacetCounts extends Facets {
  /** Lucene's facet counts of the same hits, for levels this does not keep. */
  interface Fallback {
    Facets count() throws IOException;
  }

  private record SegmentHits(LeafReaderContext leaf, FixedBitSet bits) {}

  private static final Comparator<LabelAndValue> MOST_FIRST =
      Comparator.comparingInt((LabelAndValue lv) -> lv.value.intValue())
          .reversed()
          .thenComparing(lv -> new BytesRef(lv.label));

  private final FacetBitSets bitSets;
  private final FacetsConfig config;
  private final List<SegmentHits> hits = new ArrayList<>();
  private final Fallback fallback;
  private final List<String> dims;

  /**
   * Counts per level ("dim" or "dim/path" encoded), empty when the level is counted by the
   * fallback.
   */
  private final Map<String, Optional<Map<String, Integer>>> levels = new ConcurrentHashMap<>();

  private Facets fallbackCounts;

  /**
   * Counts {@code dims} now, the segments side by side on {@code executor} and the calling thread.
   */
  BitSetFacetCounts(
      FacetBitSets bitSets,
      FacetsConfig config,
      FacetsCollector collected,
      List<String> dims,
      Executor executor,
      Fallback fallback)
      throws IOException {
    this.bitSets = bitSets;
    this.config = config;
    this.fallback = fallback;
    this.dims = List.copyOf(dims);
    for (FacetsCollector.MatchingDocs m : collected.getMatchingDocs()) {
      if (m.totalHits() > 0) {
        hits.add(new SegmentHits(m.context(), bits(m.bits(), m.context().reader().maxDoc())));
      }
    }
    // Lucene's task executor waits for every task, runs queued ones on the calling thread too
    // (so a caller that is itself one of the executor's threads cannot wait on itself), and
    // throws the first failure.
    List<Callable<List<Optional<Map<String, Integer>>>>> segments = new ArrayList<>();
    for (SegmentHits segment : hits) {
      segments.add(
          () -> {
            List<Optional<Map<String, Integer>>> counts = new ArrayList<>();
            for (String dim : this.dims) {
              counts.add(count(segment, dim));
            }
            return counts;
          });
    }
    List<List<Optional<Map<String, Integer>>>> counted =
        new TaskExecutor(executor).invokeAll(segments);
    for (int d = 0; d < this.dims.size(); d++) {
      int dim = d;
      levels.put(
          FacetsConfig.pathToString(this.dims.get(d)),
          merge(counted.stream().map(c -> c.get(dim)).toList()));
    }
  }

  /** The hits of one segment as bits: as collected when the collector kept bits, else copied. */
  private static FixedBitSet bits(DocIdSet hits, int maxDoc) throws IOException {
    if (hits instanceof BitDocIdSet set && set.bits() instanceof FixedBitSet bits) {
      return bits;
    }
    FixedBitSet bits = new FixedBitSet(maxDoc);
    DocIdSetIterator it = hits.iterator();
    if (it != null) {
      bits.or(it);
    }
    return bits;
  }

  private Optional<Map<String, Integer>> counts(String dim, String... path) throws IOException {
    try {
      return levels.computeIfAbsent(
          FacetsConfig.pathToString(dim, path),
          key -> {
            try {
              return count(dim, path);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private Optional<Map<String, Integer>> count(String dim, String... path) throws IOException {
    List<Optional<Map<String, Integer>>> segments = new ArrayList<>();
    for (SegmentHits segment : hits) {
      segments.add(count(segment, dim, path));
    }
    return merge(segments);
  }

  /**
   * One segment's counts of the level, or empty if the level has too many values to keep as bits.
   */
  private Optional<Map<String, Integer>> count(SegmentHits segment, String dim, String... path)
      throws IOException {
    Optional<FacetBitSets.Level> level =
        bitSets.level(segment.leaf(), drillDownField(dim), dim, path);
    if (level.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new HashMap<>();
    List<String> labels = level.get().labels();
    List<FixedBitSet> docs = level.get().docs();
    for (int i = 0; i < labels.size(); i++) {
      int n = (int) FixedBitSet.intersectionCount(segment.bits(), docs.get(i));
      if (n > 0) {
        counts.put(labels.get(i), n);
      }
    }
    return Optional.of(counts);
  }

  /**
   * The field of {@code dim}'s drill-down terms, which the bits are read from: it must have every
   * path of every value.
   */
  private String drillDownField(String dim) {
    FacetsConfig.DimConfig dimConfig = config.getDimConfig(dim);
    if (dimConfig.drillDownTermsIndexing != FacetsConfig.DrillDownTermsIndexing.ALL
        && dimConfig.drillDownTermsIndexing
            != FacetsConfig.DrillDownTermsIndexing.ALL_PATHS_NO_DIM) {
      throw new IllegalStateException(
          "facet "
              + dim
              + " is indexed without a drill-down term for every path ("
              + dimConfig.drillDownTermsIndexing
              + "): its values cannot be counted from bit sets");
    }
    return dimConfig.indexFieldName;
  }

  private static Optional<Map<String, Integer>> merge(
      List<Optional<Map<String, Integer>>> segments) {
    Map<String, Integer> total = new HashMap<>();
    for (Optional<Map<String, Integer>> segment : segments) {
      if (segment.isEmpty()) {
        return Optional.empty();
      }
      segment.get().forEach((label, n) -> total.merge(label, n, Integer::sum));
    }
    return Optional.of(total);
  }

  private synchronized Facets fallback() throws IOException {
    if (fallbackCounts == null) {
      fallbackCounts = fallback.count();
    }
    return fallbackCounts;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    Optional<Map<String, Integer>> counts = counts(dim, path);
    if (counts.isEmpty()) {
      return fallback().getTopChildren(topN, dim, path);
    }
    List<LabelAndValue> children = children(counts.get());
    children.sort(MOST_FIRST);
    return children.isEmpty()
        ? null
        : result(dim, path, children.subList(0, Math.min(topN, children.size())), children.size());
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    Optional<Map<String, Integer>> counts = counts(dim, path);
    if (counts.isEmpty()) {
      return fallback().getAllChildren(dim, path);
    }
    List<LabelAndValue> children = children(counts.get());
    children.sort(Comparator.comparing(lv -> new BytesRef(lv.label)));
    return result(dim, path, children, children.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length == 0) {
      throw new IllegalArgumentException("a value of " + dim + " needs a path");
    }
    Optional<Map<String, Integer>> counts = counts(dim, Arrays.copyOf(path, path.length - 1));
    if (counts.isEmpty()) {
      return fallback().getSpecificValue(dim, path);
    }
    return counts.get().getOrDefault(path[path.length - 1], 0);
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : dims) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null && result.labelValues.length > 0) {
        results.add(result);
      }
    }
    return results;
  }

  private static List<LabelAndValue> children(Map<String, Integer> counts) {
    List<LabelAndValue> children = new ArrayList<>(counts.size());
    counts.forEach((label, n) -> children.add(new LabelAndValue(label, n, n)));
    return children;
  }

  private static FacetResult result(
      String dim, String[] path, List<LabelAndValue> children, int childCount) {
    return new FacetResult(dim, path, -1, children.toArray(LabelAndValue[]::new), childCount);
  }
}
