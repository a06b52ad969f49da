package org.imrsearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads the stored fields of hits that come in index order (an export, a sample). Lucene compresses
 * stored fields in chunks and, read one document at a time, decompresses its chunk's part again for
 * each document; where hits lie close together it reads them through the sequential reader Lucene's
 * merges use, which decompresses each chunk once and serves every document in it. Sparse hits are
 * read one at a time, since the sequential reader would decompress whole chunks for them.
 */
public final class InOrderStoredFields {
  /**
   * Hits are read sequentially where a segment's hits of one batch are on average at most this many
   * documents apart: a few documents' worth of a compressed chunk's part.
   */
  private static final int DENSE_GAP = 16;

  private final List<LeafReaderContext> leaves;
  private final StoredFields oneByOne;
  private final Set<String> fields;
  private final Map<Integer, StoredFieldsReader> sequential = new HashMap<>();

  public InOrderStoredFields(IndexSearcher searcher, Set<String> fields) throws IOException {
    this.leaves = searcher.getIndexReader().leaves();
    this.oneByOne = searcher.storedFields();
    this.fields = fields;
  }

  /** The documents of {@code hits}, which must be in increasing document order. */
  public Document[] read(ScoreDoc[] hits) throws IOException {
    Document[] docs = new Document[hits.length];
    int i = 0;
    while (i < hits.length) {
      int leaf = ReaderUtil.subIndex(hits[i].doc, leaves);
      LeafReaderContext context = leaves.get(leaf);
      int end = i;
      while (end < hits.length && hits[end].doc < context.docBase + context.reader().maxDoc()) {
        end++;
      }
      int span = hits[end - 1].doc - hits[i].doc + 1;
      StoredFieldsReader reader =
          end - i > 1 && span <= (end - i) * DENSE_GAP ? sequential(leaf) : null;
      for (int h = i; h < end; h++) {
        if (reader == null) {
          docs[h] = oneByOne.document(hits[h].doc, fields);
        } else {
          DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(fields);
          reader.document(hits[h].doc - context.docBase, visitor);
          docs[h] = visitor.getDocument();
        }
      }
      i = end;
    }
    return docs;
  }

  /** The sequential reader of segment {@code leaf}, or null where the segment has none. */
  private StoredFieldsReader sequential(int leaf) throws IOException {
    StoredFieldsReader reader = sequential.get(leaf);
    if (reader == null && leaves.get(leaf).reader() instanceof CodecReader codec) {
      reader = codec.getFieldsReader().getMergeInstance();
      sequential.put(leaf, reader);
    }
    return reader;
  }
}
