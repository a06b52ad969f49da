package org.imrsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.imrsearch.generate.LetterGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index's own stored-fields compression gives back exactly what was stored, whichever part of a
 * chunk a document lies in, and Lucene finds the codec by its name when it opens the index.
 */
class LetterCodecTest {
  private static final int DOCUMENTS = 1_500;

  @Test
  void luceneFindsTheCodecByItsName() {
    assertInstanceOf(LetterCodec.class, Codec.forName(LetterCodec.NAME));
  }

  /**
   * A merge copies compressed chunks as they are only when the compression object that wrote them
   * is the one it writes with: the codec of a later writer session must share it.
   */
  @Test
  void everyDefaultCodecSharesOneStoredFieldsFormat() {
    assertSame(
        Codec.forName(LetterCodec.NAME).storedFieldsFormat(),
        new LetterCodec().storedFieldsFormat());
  }

  @Test
  void readsBackEveryStoredValueInAnyOrderAfterFlushesAndMerges(@TempDir Path dir)
      throws IOException {
    assertReadsBackEveryValue(new LetterCodec(), dir);
  }

  /**
   * Chunks of 8 KB in 3 sub-blocks: most documents then span sub-blocks and chunks. The index is
   * read through the codec Lucene finds by name, with the default settings: each chunk records its
   * own layout.
   */
  @Test
  void readsBackValuesThatSpanManySubBlocksAndChunks(@TempDir Path dir) throws IOException {
    assertReadsBackEveryValue(new LetterCodec(3, 8 * 1024, 3, 1), dir);
  }

  /**
   * An index written by builds before this codec (Lucene's own, DEFLATE) takes new segments in this
   * one, reads both, and merges them into one of this codec.
   */
  @Test
  void readsAndMergesSegmentsOfLucenesOwnCodec(@TempDir Path dir) throws IOException {
    List<Stored> stored = documents(new Random(8));
    int half = stored.size() / 2;
    try (Directory directory = FSDirectory.open(dir)) {
      IndexWriterConfig before =
          new IndexWriterConfig(new StandardAnalyzer())
              .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
      try (IndexWriter writer = new IndexWriter(directory, before)) {
        for (Stored s : stored.subList(0, half)) {
          writer.addDocument(s.document());
        }
        writer.commit();
      }
      try (IndexWriter writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(new StandardAnalyzer()).setCodec(new LetterCodec()))) {
        for (Stored s : stored.subList(half, stored.size())) {
          writer.addDocument(s.document());
        }
        writer.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          assertEquals(List.of("Lucene104", LetterCodec.NAME), codecNames(reader));
        }
        assertReadsBeforeAndAfterMergingIntoOne(directory, writer, stored);
      }
    }
  }

  /** Every value read, then merged into one segment of this codec, and every value read again. */
  private static void assertReadsBeforeAndAfterMergingIntoOne(
      Directory directory, IndexWriter writer, List<Stored> stored) throws IOException {
    assertEveryValue(directory, stored);
    writer.forceMerge(1);
    writer.commit();
    assertEveryValue(directory, stored);
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(List.of(LetterCodec.NAME), codecNames(reader));
    }
  }

  private static List<String> codecNames(DirectoryReader reader) {
    return reader.leaves().stream()
        .map(leaf -> ((SegmentReader) leaf.reader()).getSegmentInfo().info.getCodec().getName())
        .toList();
  }

  /** The dictionary of a chunk shorter than its divisor is empty. */
  @Test
  void readsBackAnIndexOfOneTinyDocument(@TempDir Path dir) throws IOException {
    try (Directory directory = FSDirectory.open(dir)) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig().setCodec(new LetterCodec()))) {
        writer.addDocument(new Stored(0, "Upheld", new byte[] {7}).document());
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        Document document = reader.storedFields().document(0);
        assertEquals("Upheld", document.get("text"));
        assertEquals(new BytesRef(new byte[] {7}), document.getBinaryValue("bytes"));
      }
    }
  }

  private static void assertReadsBackEveryValue(LetterCodec codec, Path dir) throws IOException {
    List<Stored> stored = documents(new Random(42));
    try (Directory directory = FSDirectory.open(dir)) {
      // A small buffer flushes many segments; the merge then recompresses them into one.
      IndexWriterConfig config =
          new IndexWriterConfig(new StandardAnalyzer()).setCodec(codec).setRAMBufferSizeMB(1);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Stored s : stored) {
          writer.addDocument(s.document());
        }
        writer.commit();
        assertReadsBeforeAndAfterMergingIntoOne(directory, writer, stored);
      }
      try (CheckIndex check = new CheckIndex(directory)) {
        assertTrue(check.checkIndex().clean, "CheckIndex found the index damaged");
      }
    }
  }

  /**
   * Documents are read by one reader in a random order (most reads start a chunk afresh), then in
   * order with each read twice (most come from the parts the reader kept, and a large document,
   * stored as consecutive chunks, is read again from its first).
   */
  private static void assertEveryValue(Directory directory, List<Stored> stored)
      throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(stored.size(), reader.maxDoc());
      List<Integer> shuffled = new ArrayList<>();
      List<Integer> inOrderTwice = new ArrayList<>();
      for (int i = 0; i < reader.maxDoc(); i++) {
        shuffled.add(i);
        inOrderTwice.add(i);
        inOrderTwice.add(i);
      }
      Collections.shuffle(shuffled, new Random(7));
      for (List<Integer> order : List.of(shuffled, inOrderTwice)) {
        StoredFields fields = reader.storedFields();
        for (int docId : order) {
          Document document = fields.document(docId);
          Stored expected = stored.get(Integer.parseInt(document.get("n")));
          assertEquals(expected.text(), document.get("text"), "text of document " + expected.n());
          assertEquals(
              new BytesRef(expected.bytes()),
              document.getBinaryValue("bytes"),
              "bytes of document " + expected.n());
        }
      }
    }
  }

  /**
   * Letter text (compressible) and random bytes (not), from empty to longer than a whole chunk, so
   * that documents fall in a chunk's dictionary, in one sub-block, across several, or fill many
   * chunks on their own.
   */
  private static List<Stored> documents(Random random) {
    LetterGenerator generator = new LetterGenerator(5, List.of());
    List<Stored> documents = new ArrayList<>();
    for (int n = 0; n < DOCUMENTS; n++) {
      StringBuilder text = new StringBuilder();
      int letters =
          switch (n % 100) {
            case 0 -> 200; // about a megabyte: longer than a chunk
            case 1, 2, 3 -> 0;
            default -> random.nextInt(3);
          };
      for (int i = 0; i < letters; i++) {
        text.append(generator.generate(random.nextInt(100_000)).text());
      }
      byte[] bytes = new byte[n % 37 == 0 ? 70_000 : random.nextInt(64)];
      random.nextBytes(bytes);
      documents.add(new Stored(n, text.toString(), bytes));
    }
    return documents;
  }

  private record Stored(int n, String text, byte[] bytes) {
    Document document() {
      Document document = new Document();
      document.add(new StoredField("n", Integer.toString(n)));
      document.add(new StoredField("text", text));
      document.add(new StoredField("bytes", bytes));
      return document;
    }
  }
}
