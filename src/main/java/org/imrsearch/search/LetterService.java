package org.imrsearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.index.StoredText;
import org.imrsearch.model.Outcome;
import org.imrsearch.model.SourceFile;
import org.imrsearch.original.OriginalInfo;
import org.imrsearch.query.QuerySyntax;

/** Whole letters and the decisions most like a letter's. */
public final class LetterService {
  private static final int SIMILAR = 10;

  /** More decisions than any letter has. */
  private static final int MAX_DECISIONS = 1000;

  /** The stored fields of a letter's file record (see {@link SourceFile}). */
  private static final Set<String> SOURCE_FILE_FIELDS =
      Set.of(
          IndexField.SOURCE_PATH.fieldName(),
          IndexField.SOURCE_ROOT.fieldName(),
          IndexField.SOURCE_BYTES.fieldName(),
          IndexField.SOURCE_SHA256.fieldName());

  private final IndexSearchers searchers;
  private final QuerySyntax syntax;
  private final Analyzer indexAnalyzer;

  private final ObjectMapper mapper;

  public LetterService(
      IndexSearchers searchers, QuerySyntax syntax, Analyzer indexAnalyzer, ObjectMapper mapper) {
    this.searchers = searchers;
    this.syntax = syntax;
    this.indexAnalyzer = indexAnalyzer;
    this.mapper = mapper;
  }

  /** The letter {@code id}; with a non-blank {@code query}, its text with the matches marked. */
  public LetterView letter(String id, String query) throws IOException {
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher();
      TopDocs found = searcher.search(letterQuery(id), 1);
      if (found.scoreDocs.length == 0) {
        throw new NotFoundException("no letter with id '" + id + "'");
      }
      Document d = searcher.storedFields().document(found.scoreDocs[0].doc);
      Map<Integer, String> rationaleSources = rationaleSources(searcher, id);
      String text = StoredText.text(d, rationaleSources);
      String marked = null;
      if (query != null && !query.isBlank()) {
        marked = markWholeText(query, text);
      }
      SourceFile file = sourceFile(d);
      return new LetterView(
          id,
          fileName(d),
          wholeLetter(d, rationaleSources),
          text,
          marked,
          file == null ? null : OriginalInfo.of(id, file));
    }
  }

  /**
   * The record of the file letter {@code id} was read from; null when it was not read from a file.
   *
   * @throws NotFoundException when there is no such letter
   */
  public SourceFile sourceFile(String id) throws IOException {
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher();
      TopDocs found = searcher.search(letterQuery(id), 1);
      if (found.scoreDocs.length == 0) {
        throw new NotFoundException("no letter with id '" + id + "'");
      }
      return sourceFile(
          searcher.storedFields().document(found.scoreDocs[0].doc, SOURCE_FILE_FIELDS));
    }
  }

  private static SourceFile sourceFile(Document letterDoc) {
    String path = letterDoc.get(IndexField.SOURCE_PATH.fieldName());
    if (path == null) {
      return null;
    }
    return new SourceFile(
        Path.of(path),
        Path.of(letterDoc.get(IndexField.SOURCE_ROOT.fieldName())),
        letterDoc.getField(IndexField.SOURCE_BYTES.fieldName()).numericValue().longValue(),
        letterDoc.get(IndexField.SOURCE_SHA256.fieldName()));
  }

  /** The name of the file the letter was read from, without its directories. */
  private static String fileName(Document letterDoc) {
    return fileName(letterDoc.get(IndexField.SOURCE.fieldName()));
  }

  /** The name of the file at {@code path}, without its directories: the server's are private. */
  public static String fileName(String path) {
    Path source = Path.of(path).getFileName();
    return source == null ? "" : source.toString();
  }

  /** The stored passages of the letter's rationales, by decision number. */
  private static Map<Integer, String> rationaleSources(IndexSearcher searcher, String id)
      throws IOException {
    Map<Integer, String> sources = new HashMap<>();
    Set<String> fields =
        Set.of(IndexField.DECISION_NUMBER.fieldName(), IndexField.RATIONALE_SOURCE.fieldName());
    for (ScoreDoc sd : searcher.search(decisionsOf(id), MAX_DECISIONS).scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc, fields);
      sources.put(
          d.getField(IndexField.DECISION_NUMBER.fieldName()).numericValue().intValue(),
          d.get(IndexField.RATIONALE_SOURCE.fieldName()));
    }
    return sources;
  }

  /**
   * The stored letter JSON with the case summary and the rationales put back (they are stored once,
   * elsewhere).
   */
  private String wholeLetter(Document letterDoc, Map<Integer, String> rationaleSources)
      throws IOException {
    ObjectNode letter =
        (ObjectNode) mapper.readTree(letterDoc.get(IndexField.LETTER_JSON.fieldName()));
    letter.remove("text"); // the view carries the text beside the letter, not inside it
    // Only the file name: the server's directories are nobody's business.
    letter.put("source", fileName(letterDoc));
    letter.put("caseSummary", StoredText.summary(letterDoc));
    int n = 0;
    for (JsonNode decision : letter.withArray("decisions")) {
      ((ObjectNode) decision).put("rationale", StoredText.prose(rationaleSources.get(++n)));
    }
    return mapper.writeValueAsString(letter);
  }

  /** The query's words marked in the whole letter text (HTML-escaped). */
  private String markWholeText(String queryText, String text) throws IOException {
    return markWholeText(syntax, indexAnalyzer, queryText, text);
  }

  /**
   * The words of {@code queryText} marked in {@code text}, all of it HTML-escaped; null when none
   * is found. Needs no index: both engines mark the letter page with it.
   */
  public static String markWholeText(
      QuerySyntax syntax, Analyzer indexAnalyzer, String queryText, String text)
      throws IOException {
    Query query = syntax.wordsIn(queryText, IndexField.TEXT);
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builderWithoutSearcher(indexAnalyzer)
            .withBreakIterator(WholeBreakIterator::new)
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "", true))
            .build();
    Object marked =
        highlighter.highlightWithoutSearcher(IndexField.TEXT.fieldName(), query, text, 1);
    return marked == null ? null : marked.toString();
  }

  private static Query decisionsOf(String id) {
    return new BooleanQuery.Builder()
        .add(
            new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), id)),
            BooleanClause.Occur.FILTER)
        .add(QuerySyntax.decisions(), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Decisions of other letters whose rationales are most like this letter's (MoreLikeThis). */
  public List<Hit> similar(String id) throws IOException {
    return similar(id, 0, null);
  }

  /**
   * Decisions of other letters whose rationales are most like those of letter {@code id}: of its
   * decision number {@code decision} only when it is 1 or more, and only of outcome {@code outcome}
   * when it is not null ("the same request, approved elsewhere").
   */
  public List<Hit> similar(String id, int decision, Outcome outcome) throws IOException {
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher();
      BooleanQuery.Builder ownQuery =
          new BooleanQuery.Builder()
              .add(
                  new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), id)),
                  BooleanClause.Occur.FILTER)
              .add(QuerySyntax.decisions(), BooleanClause.Occur.FILTER);
      if (decision > 0) {
        ownQuery.add(
            IntField.newExactQuery(IndexField.DECISION_NUMBER.fieldName(), decision),
            BooleanClause.Occur.FILTER);
      }
      TopDocs own = searcher.search(ownQuery.build(), 50);
      if (own.scoreDocs.length == 0) {
        if (searcher.count(letterQuery(id)) == 0) {
          throw new NotFoundException("no letter with id '" + id + "'");
        }
        if (decision > 0) {
          throw new NotFoundException("letter '" + id + "' has no decision " + decision);
        }
        return List.of();
      }
      MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
      mlt.setAnalyzer(indexAnalyzer);
      mlt.setFieldNames(new String[] {IndexField.RATIONALE.fieldName()});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(2);
      mlt.setMaxQueryTerms(40);
      BooleanQuery.Builder like = new BooleanQuery.Builder();
      // The rationale is indexed without being stored as such: MoreLikeThis reads its prose.
      for (ScoreDoc sd : own.scoreDocs) {
        String rationale =
            StoredText.rationale(
                searcher
                    .storedFields()
                    .document(sd.doc, Set.of(IndexField.RATIONALE_SOURCE.fieldName())));
        like.add(
            mlt.like(IndexField.RATIONALE.fieldName(), new StringReader(rationale)),
            BooleanClause.Occur.SHOULD);
      }
      BooleanQuery.Builder query =
          new BooleanQuery.Builder()
              .add(like.build(), BooleanClause.Occur.MUST)
              .add(QuerySyntax.decisions(), BooleanClause.Occur.FILTER)
              .add(
                  new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), id)),
                  BooleanClause.Occur.MUST_NOT);
      if (outcome != null) {
        query.add(
            new TermQuery(new Term(IndexField.OUTCOME.fieldName(), outcome.label())),
            BooleanClause.Occur.FILTER);
      }
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(query.build(), SIMILAR).scoreDocs) {
        hits.add(
            DecisionFields.hit(DecisionFields.load(searcher.storedFields(), sd.doc), List.of()));
      }
      return hits;
    }
  }

  private static Query letterQuery(String id) {
    return new BooleanQuery.Builder()
        .add(
            new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), id)),
            BooleanClause.Occur.FILTER)
        .add(
            new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER)),
            BooleanClause.Occur.FILTER)
        .build();
  }
}
