package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.index.IndexField;
import org.imrsearch.query.QuerySyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hits read in index order, densely or sparsely, have exactly the fields read one at a time. */
class InOrderStoredFieldsTest {
  private static final Set<String> FIELDS =
      Set.of(IndexField.DECISION_ID.fieldName(), IndexField.RATIONALE_SOURCE.fieldName());

  @Test
  void denseAndSparseHitsReadTheSameFieldsAsOneByOne(@TempDir Path dir) throws Exception {
    // Three ingests: three segments, so runs of hits cross segment edges.
    List<Path> pdfs = TestLetters.realPdfs();
    TestIndex.build(dir, pdfs.subList(0, 50));
    TestIndex.build(dir, pdfs.subList(50, 100));
    TestIndex.build(dir, pdfs.subList(100, pdfs.size()));
    try (TestIndex.Opened index = TestIndex.open(dir)) {
      IndexSearcher searcher = index.searcher();
      ScoreDoc[] decisions =
          searcher.search(QuerySyntax.decisions(), Integer.MAX_VALUE, Sort.INDEXORDER).scoreDocs;
      List<ScoreDoc> sparse = new ArrayList<>();
      for (int i = 0; i < decisions.length; i += 37) {
        sparse.add(decisions[i]);
      }
      for (ScoreDoc[] hits : List.of(decisions, sparse.toArray(ScoreDoc[]::new))) {
        InOrderStoredFields inOrder = new InOrderStoredFields(searcher, FIELDS);
        List<Document> read = new ArrayList<>();
        for (int from = 0; from < hits.length; from += 100) {
          read.addAll(
              Arrays.asList(
                  inOrder.read(Arrays.copyOfRange(hits, from, Math.min(hits.length, from + 100)))));
        }
        for (int i = 0; i < hits.length; i++) {
          Document expected = searcher.storedFields().document(hits[i].doc, FIELDS);
          assertEquals(values(expected), values(read.get(i)), "doc " + hits[i].doc);
        }
      }
    }
  }

  private static List<String> values(Document d) {
    return d.getFields().stream().map(f -> f.name() + "=" + stringOf(f)).toList();
  }

  private static String stringOf(IndexableField f) {
    return f.stringValue() != null ? f.stringValue() : String.valueOf(f.numericValue());
  }
}
