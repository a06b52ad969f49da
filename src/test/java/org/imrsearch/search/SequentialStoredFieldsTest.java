package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.imrsearch.TestIndex;
import org.imrsearch.generate.CorpusWriter;
import org.imrsearch.generate.LetterGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading documents in order, close together or far apart, gives what reading each one on its
 * own gives, across the chunks of stored fields and the segments of the index.
 */
class SequentialStoredFieldsTest {
  @TempDir
  static Path dir;
  static TestIndex.Opened index;

  /** Two ingests of 300 generated letters: two segments of many chunks each. */
  @BeforeAll
  static void indexTwoSegments() throws Exception {
    new CorpusWriter(new LetterGenerator(9, List.of()), 0).write(dir.resolve("first"), 300);
    new CorpusWriter(new LetterGenerator(10, List.of()), 0).write(dir.resolve("second"), 300);
    TestIndex.build(dir.resolve("index"), List.of(dir.resolve("first")));
    TestIndex.build(dir.resolve("index"), List.of(dir.resolve("second")));
    index = TestIndex.open(dir.resolve("index"));
    assertTrue(index.reader().leaves().size() >= 2, "the test needs documents in more than one segment");
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  @Test
  void readsWhatRandomAccessReadsWhateverTheGaps() throws IOException {
    Random random = new Random(1);
    int window = SequentialStoredFields.DENSE_WINDOW;
    List<IntUnaryOperator> steps = List.of(
        doc -> doc + 1, // every document: all read sequentially
        doc -> doc + window / SequentialStoredFields.DENSE_HITS, // just dense enough
        doc -> doc + window, // sparse: all read one at a time
        doc -> doc % 2 == 0 ? doc + 1 : doc + window + random.nextInt(window), // pairs far apart
        doc -> doc + 1 + random.nextInt(window / 4)); // runs of both kinds
    for (IntUnaryOperator step : steps) {
      List<Integer> ids = new ArrayList<>();
      for (int doc = 0; doc < index.reader().maxDoc(); doc = step.applyAsInt(doc)) {
        ids.add(doc);
      }
      assertTrue(ids.size() >= 10, "too few documents read to mean anything: " + ids.size());
      int[] docIds = ids.stream().mapToInt(Integer::intValue).toArray();
      List<List<String>> read = new ArrayList<>();
      new SequentialStoredFields(index.reader()).forEach(docIds, document -> read.add(fields(document)));
      assertEquals(docIds.length, read.size());
      for (int i = 0; i < docIds.length; i++) {
        assertEquals(fields(index.reader().storedFields().document(docIds[i])), read.get(i), "document " + docIds[i]);
      }
    }
  }

  @Test
  void refusesDocIdsThatDoNotIncrease() throws IOException {
    SequentialStoredFields stored = new SequentialStoredFields(index.reader());
    assertThrows(IllegalArgumentException.class, () -> stored.forEach(new int[] {3, 5, 5}, document -> {}));
    assertThrows(IllegalArgumentException.class, () -> stored.forEach(new int[] {5, 3}, document -> {}));
  }

  /** Every stored value with its field name, in order: what a reader of the document sees. */
  private static List<String> fields(Document document) {
    return document.getFields().stream().map(SequentialStoredFieldsTest::describe).toList();
  }

  private static String describe(IndexableField field) {
    Object value = field.binaryValue() != null ? field.binaryValue() : field.numericValue() != null ? field.numericValue() : field.stringValue();
    return field.name() + "=" + value;
  }
}
