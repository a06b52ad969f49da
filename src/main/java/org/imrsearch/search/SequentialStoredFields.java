package org.imrsearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.IOConsumer;

/**
 * Reads the stored fields of many documents in doc-id order, as an export does. A read of one
 * document decompresses the dictionary and one sub-block of its chunk (about 70 KB). Where many of
 * the documents lie close together, each chunk is instead decompressed once, whole, for all of
 * them, by the sequential reader Lucene uses for merges. Documents with few others near them are
 * read one at a time, since decompressing a whole chunk for one of them costs about as much as
 * seven single reads. For one thread.
 *
 * <p>Export of 10,000 decisions from the 1M-letter index, p50: every decision 708-733 -> 84-117 ms;
 * "acupuncture" (a hit every 9 documents) 804-808 -> 275 ms; "knee" (every 31; a tenth read
 * sequentially) 845-873 -> 897-902 ms run alone. In one JVM after the dense exports, the sparse
 * ones ran 13-20% slower than with random access only (docs/benchmarks.md).
 */
final class SequentialStoredFields {
  /**
   * A document is read sequentially when at least {@link #DENSE_HITS} of the documents asked for
   * (itself included) lie within this many doc ids from it: about the documents of one chunk
   * (480 KB holds some 55 letters with their decisions, about 180 documents).
   */
  static final int DENSE_WINDOW = 128;
  static final int DENSE_HITS = 8;

  private final List<LeafReaderContext> leaves;
  private final StoredFields randomAccess;
  private int leaf = -1;
  private StoredFields sequential;

  SequentialStoredFields(IndexReader reader) throws IOException {
    this.leaves = reader.leaves();
    this.randomAccess = reader.storedFields();
  }

  /** Hands the stored fields of each of {@code docIds}, which must increase, to {@code sink} in order. */
  void forEach(int[] docIds, IOConsumer<Document> sink) throws IOException {
    int windowEnd = 0; // the first document asked for beyond the current one's window
    for (int i = 0; i < docIds.length; i++) {
      if (i > 0 && docIds[i] <= docIds[i - 1]) {
        throw new IllegalArgumentException("doc ids must increase: " + docIds[i] + " after " + docIds[i - 1]);
      }
      windowEnd = Math.max(windowEnd, i + 1);
      while (windowEnd < docIds.length && docIds[windowEnd] < (long) docIds[i] + DENSE_WINDOW) {
        windowEnd++;
      }
      boolean dense = windowEnd - i >= DENSE_HITS;
      sink.accept(dense ? sequentially(docIds[i]) : randomAccess.document(docIds[i]));
    }
  }

  private Document sequentially(int docId) throws IOException {
    int index = ReaderUtil.subIndex(docId, leaves);
    if (index != leaf) {
      leaf = index;
      sequential = sequentialReader(leaves.get(index));
    }
    DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor();
    sequential.document(docId - leaves.get(index).docBase, visitor);
    return visitor.getDocument();
  }

  private static StoredFields sequentialReader(LeafReaderContext context) throws IOException {
    if (context.reader() instanceof CodecReader codec && codec.getFieldsReader() != null) {
      return codec.getFieldsReader().getMergeInstance();
    }
    return context.reader().storedFields();
  }
}
