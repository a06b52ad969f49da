package org.imrsearch.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.index.Schema;
import org.imrsearch.query.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facets counted from bit sets of each value give exactly Lucene's doc-value counts: every value of
 * every dimension, at every citation level, in the same order, over several segments with deleted
 * documents; a level with more values than are kept is counted by Lucene; the cache stays within
 * its bytes and lets go of closed segments.
 */
class BitSetFacetCountsTest {
  @TempDir static Path dir;
  static TestIndex.Opened index;
  static SortedSetDocValuesReaderState state;
  static final FacetsConfig CONFIG = Schema.facetsConfig();
  static final List<String> DIMS = Arrays.stream(Filter.values()).map(Filter::dim).toList();

  /**
   * The real letters in three ingests, the last one re-ingesting ten letters: several segments, and
   * deleted documents (a re-ingested letter replaces its block) whose bits stay in the values' bit
   * sets but must not count.
   */
  @BeforeAll
  static void indexTheRealLettersInSeveralSegmentsWithDeletions() throws Exception {
    List<Path> letters = TestLetters.realPdfs();
    int third = letters.size() / 3;
    TestIndex.build(dir.resolve("index"), letters.subList(0, third));
    TestIndex.build(dir.resolve("index"), letters.subList(third, 2 * third));
    List<Path> last = new ArrayList<>(letters.subList(2 * third, letters.size()));
    last.addAll(letters.subList(0, 10));
    TestIndex.build(dir.resolve("index"), last);
    index = TestIndex.open(dir.resolve("index"));
    assertTrue(index.reader().leaves().size() > 1, "several segments");
    assertTrue(index.reader().hasDeletions(), "re-ingested letters left deleted documents");
    state = new DefaultSortedSetDocValuesReaderState(index.reader(), CONFIG);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void everyLevelCountsWhatLuceneCounts() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (String q :
          List.of("", "the", "physical therapy", "\"functional improvement\"", "guideline:ODG")) {
        FacetsCollector hits = hits(q);
        Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
        Facets bits =
            new BitSetFacetCounts(
                new FacetBitSets(1 << 30, 128),
                CONFIG,
                hits,
                DIMS,
                threads,
                () -> {
                  throw new AssertionError("every level of these letters fits in the bit sets");
                });
        int levels = assertSameLevels(q, lucene, bits);
        assertTrue(
            levels > DIMS.size(),
            q + ": only " + levels + " levels compared, no citation parts among them");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aLevelWithMoreValuesThanKeptIsCountedByLucene() throws Exception {
    FacetsCollector hits = hits("");
    Facets lucene = new SortedSetDocValuesFacetCounts(state, hits);
    AtomicInteger fellBack = new AtomicInteger();
    Facets bits =
        new BitSetFacetCounts(
            new FacetBitSets(1 << 30, 3),
            CONFIG,
            hits,
            DIMS,
            Runnable::run,
            () -> {
              fellBack.incrementAndGet();
              return new SortedSetDocValuesFacetCounts(state, hits);
            });
    assertSameLevels("", lucene, bits);
    assertEquals(
        1, fellBack.get(), "Lucene's counts are worked out once, when a level is too large");
    assertTrue(
        lucene.getTopChildren(100, Filter.SPECIALTY.dim()).labelValues.length > 3,
        "the letters have more than three specialties");
  }

  @Test
  void theBitSetsStayWithinTheirBytesAndTheCountsStayRight() throws Exception {
    int maxDoc =
        index.reader().leaves().stream().mapToInt(l -> l.reader().maxDoc()).max().orElseThrow();
    long fourValues = 4L * (maxDoc / 64 + 1) * Long.BYTES;
    FacetBitSets small = new FacetBitSets(fourValues, 128);
    FacetsCollector hits = hits("the");
    assertSameLevels(
        "the",
        new SortedSetDocValuesFacetCounts(state, hits),
        new BitSetFacetCounts(small, CONFIG, hits, DIMS, Runnable::run, () -> null));
    assertTrue(small.bytes() <= fourValues, small.bytes() + " bytes kept, more than " + fourValues);
  }

  @Test
  void aClosedSegmentsBitSetsAreDropped() throws Exception {
    FacetBitSets sets = new FacetBitSets(1 << 30, 128);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      new BitSetFacetCounts(
          sets,
          CONFIG,
          searcher.search(index.syntax().parse("", searcher), new FacetsCollectorManager()),
          DIMS,
          Runnable::run,
          () -> null);
      assertTrue(sets.bytes() > 0, "counting kept the values' bits");
    }
    assertEquals(0, sets.bytes(), "the reader is closed: its segments' bits are gone");
  }

  @Test
  void theBitSetCollectorCollectsWhatLucenesCollects() throws Exception {
    for (String q :
        List.of(
            "", "the", "\"functional improvement\"", "zzzznotaword", "outcome:overturned -knee")) {
      Query query = index.syntax().parse(q, index.searcher());
      Map<Integer, List<Integer>> lucene =
          docsBySegment(index.searcher().search(query, new FacetsCollectorManager()));
      Map<Integer, List<Integer>> bits =
          docsBySegment(index.searcher().search(query, BitSetFacetsCollector.manager()));
      assertEquals(lucene, bits, q);
    }
    assertTrue(docsBySegment(hits("the")).size() > 1, "hits in several segments");
  }

  /** Each segment's hits (by segment number), checked against the total the collector says. */
  private static Map<Integer, List<Integer>> docsBySegment(FacetsCollector collected)
      throws IOException {
    Map<Integer, List<Integer>> docs = new TreeMap<>();
    for (FacetsCollector.MatchingDocs m : collected.getMatchingDocs()) {
      List<Integer> segment = new ArrayList<>();
      DocIdSetIterator it = m.bits().iterator();
      for (int d = it == null ? DocIdSetIterator.NO_MORE_DOCS : it.nextDoc();
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = it.nextDoc()) {
        segment.add(d);
      }
      assertEquals(
          m.totalHits(), segment.size(), "segment " + m.context().ord + ": total against bits");
      if (!segment.isEmpty()) {
        docs.merge(
            m.context().ord,
            segment,
            (a, b) -> {
              List<Integer> both = new ArrayList<>(a);
              both.addAll(b);
              both.sort(null);
              return both;
            });
      }
    }
    return docs;
  }

  private static FacetsCollector hits(String q) throws IOException {
    return index
        .searcher()
        .search(index.syntax().parse(q, index.searcher()), new FacetsCollectorManager());
  }

  /**
   * Compares each dimension's top values, all values and each value's count, then the levels under
   * each value of hierarchical dimensions; returns the number of levels compared.
   */
  private static int assertSameLevels(String q, Facets expected, Facets actual) throws IOException {
    List<String[]> levels = new ArrayList<>();
    for (String dim : DIMS) {
      levels.add(new String[] {dim});
    }
    int compared = 0;
    while (!levels.isEmpty()) {
      String[] level = levels.remove(levels.size() - 1);
      String dim = level[0];
      String[] path = Arrays.copyOfRange(level, 1, level.length);
      String where = q + " | " + String.join("/", level);
      FacetResult top = expected.getTopChildren(10, dim, path);
      FacetResult actualTop = actual.getTopChildren(10, dim, path);
      assertEquals(values(top), values(actualTop), where + ": top 10");
      assertEquals(
          top == null ? -1 : top.childCount,
          actualTop == null ? -1 : actualTop.childCount,
          where + ": children");
      FacetResult all = expected.getAllChildren(dim, path);
      FacetResult actualAll = actual.getAllChildren(dim, path);
      assertEquals(values(all), values(actualAll), where + ": all");
      compared++;
      if (all == null) {
        continue;
      }
      for (LabelAndValue value : all.labelValues) {
        String[] child = Arrays.copyOf(path, path.length + 1);
        child[path.length] = value.label;
        assertEquals(
            value.value.longValue(),
            actual.getSpecificValue(dim, child).longValue(),
            where + "/" + value.label);
        if (Schema.isHierarchical(dim)) {
          String[] deeper = Arrays.copyOf(level, level.length + 1);
          deeper[level.length] = value.label;
          levels.add(deeper);
        }
      }
    }
    return compared;
  }

  /** The labels and counts, in order, or null for no result. */
  private static List<String> values(FacetResult result) {
    return result == null
        ? null
        : Arrays.stream(result.labelValues)
            .map(lv -> lv.label + "=" + lv.value.longValue())
            .toList();
  }
}
