package org.imrsearch.facets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.StringHelper;

/**
 * The documents of each facet value as a bit set, segment by segment, for the facet levels that
 * searches count: a dimension's values, or the parts under one citation. Built from the facet
 * field's drill-down terms on first use and kept in a cache bounded in bytes; a segment's entries
 * go when the segment is closed (merged away or its reader released).
 *
 * <p>Memory: one bit per document per value kept, so it grows with the index times the values of
 * the levels counted; {@link #bytes} reports it.
 */
final class FacetBitSets {
  /** One level's values in one segment: each value's label and its documents. */
  record Level(List<String> labels, List<FixedBitSet> docs) {}

  private record Key(Object segment, String field, String level) {}

  private final int maxValues;
  private final Cache<Key, Optional<Level>> cache;
  private final Set<Object> watchedSegments = ConcurrentHashMap.newKeySet();

  /**
   * @param maxBytes the most the bit sets of all segments may take together; past it the cache
   *     drops the levels least likely to be used again (Caffeine's policy) or does not keep a new
   *     one, and such a level is read from the postings again when asked for
   * @param maxValues a level with more values in a segment is not kept (its bits would cost more
   *     memory than they save time): {@link #level} says so, and the caller counts it another way
   */
  FacetBitSets(long maxBytes, int maxValues) {
    this.maxValues = maxValues;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key key, Optional<Level> level) -> level.map(FacetBitSets::bytes).orElse(1))
            .executor(Runnable::run) // evict on the caller's thread, not a shared pool's
            .build();
  }

  /**
   * The values directly under {@code path} of dimension {@code dim} in segment {@code leaf} (with
   * an empty path: the dimension's own values), or empty if there are more than the configured
   * most.
   */
  Optional<Level> level(LeafReaderContext leaf, String field, String dim, String... path)
      throws IOException {
    String level = FacetsConfig.pathToString(dim, path);
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return read(leaf.reader(), field, level, path.length + 2);
    }
    Object segment = helper.getKey();
    if (watchedSegments.add(segment)) {
      helper.addClosedListener(
          closed -> {
            watchedSegments.remove(closed);
            cache.asMap().keySet().removeIf(k -> k.segment() == closed);
          });
    }
    Key key = new Key(segment, field, level);
    Optional<Level> found;
    try {
      found =
          cache.get(
              key,
              k -> {
                try {
                  return read(leaf.reader(), field, level, path.length + 2);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!watchedSegments.contains(segment)) {
      cache.invalidate(key); // the segment closed while its level was read: its listener has run
    }
    return found;
  }

  /** Bytes the cache holds now. */
  long bytes() {
    return cache.asMap().values().stream()
        .mapToLong(l -> l.map(FacetBitSets::bytes).orElse(0))
        .sum();
  }

  /** The children of {@code level}: the drill-down terms one component longer than it. */
  private Optional<Level> read(LeafReader reader, String field, String level, int childDepth)
      throws IOException {
    List<String> labels = new ArrayList<>();
    List<FixedBitSet> docs = new ArrayList<>();
    Terms terms = reader.terms(field);
    if (terms == null) {
      return Optional.of(new Level(labels, docs));
    }
    BytesRef prefix = new BytesRef(level + FacetsConfig.DELIM_CHAR);
    TermsEnum te = terms.iterator();
    if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
      return Optional.of(new Level(labels, docs));
    }
    PostingsEnum postings = null;
    // Terms are sorted, so the level's subtree is one run; deeper terms in it are skipped.
    for (BytesRef term = te.term();
        term != null && StringHelper.startsWith(term, prefix);
        term = te.next()) {
      String[] components = FacetsConfig.stringToPath(term.utf8ToString());
      if (components.length != childDepth) {
        continue;
      }
      if (labels.size() == maxValues) {
        return Optional.empty();
      }
      postings = te.postings(postings, PostingsEnum.NONE);
      FixedBitSet bits = new FixedBitSet(reader.maxDoc());
      bits.or(postings);
      labels.add(components[childDepth - 1]);
      docs.add(bits);
    }
    return Optional.of(new Level(List.copyOf(labels), List.copyOf(docs)));
  }

  private static int bytes(Level level) {
    long bytes = 0;
    for (FixedBitSet bits : level.docs()) {
      bytes += (long) bits.getBits().length * Long.BYTES;
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes + 64L * level.labels().size());
  }
}
