package org.imrsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every search counts decisions. A query that can only match decisions runs without the decision
 * filter (its postings list is as long as the index); every other query keeps it.
 */
class DecisionFilterTest {
  @TempDir static Path dir;
  static TestIndex.Opened index;

  @BeforeAll
  static void indexTwentyRealLetters() throws Exception {
    TestIndex.build(dir.resolve("index"), TestLetters.realPdfs().subList(0, 20));
    index = TestIndex.open(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void theSchemaKnowsEveryFieldThatLetterDocumentsHave() throws Exception {
    Query letters = new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER));
    Set<String> onLetters = new HashSet<>();
    for (FieldInfo field : FieldInfos.getMergedFieldInfos(index.reader())) {
      if (field.getIndexOptions() == IndexOptions.NONE) {
        continue;
      }
      Query anyTermOnALetter =
          new BooleanQuery.Builder()
              .add(new TermRangeQuery(field.name, null, null, true, true), BooleanClause.Occur.MUST)
              .add(letters, BooleanClause.Occur.FILTER)
              .build();
      if (index.searcher().count(anyTermOnALetter) > 0) {
        onLetters.add(field.name);
      }
    }
    assertTrue(
        onLetters.contains(IndexField.CASE_SUMMARY.fieldName()),
        "the index holds letter documents: " + onLetters);
    for (String field : onLetters) {
      assertFalse(
          Schema.onDecisionsOnly(field),
          field + " is on letter documents, but the schema says decisions only");
    }
  }

  @Test
  void wordsPhrasesPrefixesAndDecisionKeywordsNeedNoFilter() {
    for (String q :
        List.of(
            "\"functional improvement\"",
            "physical therapy",
            "therap*",
            "guidelines:odg",
            "outcome:overturned chiropractic",
            "(acupuncture OR massage) -lumbar",
            "specialty:\"family practice\" massge~")) {
      assertTrue(QuerySyntax.matchesOnlyDecisions(user(q)), q);
    }
  }

  @Test
  void queriesThatCanMatchALetterKeepTheFilter() {
    for (String q :
        List.of(
            "",
            "summary:knee",
            "letter:\"right shoulder\"",
            "date:[2016-01-01 TO 2016-12-31]",
            "case:CM16-0000001",
            "therapy OR case:CM16-0000001")) {
      assertFalse(QuerySyntax.matchesOnlyDecisions(user(q)), q);
    }
  }

  @Test
  void withOrWithoutTheFilterAQueryFindsTheSameDecisions() throws Exception {
    for (String q :
        List.of(
            "\"functional improvement\"",
            "physical therapy",
            "therap* -knee",
            "outcome:overturned",
            "summary:pain",
            "date:[2016-01-01 TO 2017-12-31] medication",
            "date:[2016-01-01 TO 2017-12-31]",
            "tramadol OR date:[2017-01-01 TO 2017-12-31]")) {
      Query parsed = index.syntax().parse(q, index.searcher());
      Query filtered =
          new BooleanQuery.Builder()
              .add(user(q), BooleanClause.Occur.MUST)
              .add(QuerySyntax.decisions(), BooleanClause.Occur.FILTER)
              .build();
      Set<Integer> found = docs(parsed);
      assertFalse(found.isEmpty(), q + " finds something in twenty letters");
      assertEquals(docs(filtered), found, q);
    }
  }

  /** The user's part of a parsed query, before any decision filter. */
  private static Query user(String text) {
    Query parsed = index.syntax().parse(text, index.searcher());
    if (parsed instanceof BooleanQuery b
        && b.clauses().size() == 2
        && b.clauses().get(1).occur() == BooleanClause.Occur.FILTER
        && b.clauses().get(1).query().equals(QuerySyntax.decisions())) {
      return b.clauses().get(0).query();
    }
    return parsed;
  }

  private static Set<Integer> docs(Query query) throws Exception {
    Set<Integer> docs = new HashSet<>();
    for (ScoreDoc hit :
        index.searcher().search(query, Math.max(1, index.reader().maxDoc())).scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }
}
