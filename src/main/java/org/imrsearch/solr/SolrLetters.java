package org.imrsearch.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Outcome;
import org.imrsearch.model.SourceFile;
import org.imrsearch.original.Original;
import org.imrsearch.original.OriginalFiles;
import org.imrsearch.original.OriginalInfo;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.search.ExportRows;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.Hit;
import org.imrsearch.search.LetterService;
import org.imrsearch.search.LetterView;
import org.imrsearch.search.NotFoundException;

/**
 * Whole letters on a Solr collection: the letter page (its JSON and text, the query's words marked
 * as the embedded engine marks them), the original file it was read from, the decisions most like
 * it (Solr's MoreLikeThis on its rationales), and exports streamed page by page (cursorMark).
 */
final class SolrLetters {
  private static final int SIMILAR = 10;
  private static final int EXPORT_BATCH = 500;

  private final SolrRequests requests;
  private final QuerySyntax syntax;
  private final Analyzer indexAnalyzer;
  private final ObjectMapper mapper;
  private final OriginalFiles originals = new OriginalFiles();

  SolrLetters(
      SolrRequests requests, QuerySyntax syntax, Analyzer indexAnalyzer, ObjectMapper mapper) {
    this.requests = requests;
    this.syntax = syntax;
    this.indexAnalyzer = indexAnalyzer;
    this.mapper = mapper;
  }

  LetterView letter(String id, String queryText) throws IOException {
    SolrDocument d = letterDocument(id);
    ObjectNode letter =
        (ObjectNode) mapper.readTree((String) d.getFirstValue(IndexField.LETTER_JSON.fieldName()));
    letter.remove("text"); // the view carries the text beside the letter, not inside it
    String source = LetterService.fileName((String) d.getFirstValue(IndexField.SOURCE.fieldName()));
    letter.put("source", source);
    String text = (String) d.getFirstValue(IndexField.TEXT.fieldName());
    String marked =
        queryText == null || queryText.isBlank()
            ? null
            : LetterService.markWholeText(syntax, indexAnalyzer, queryText, text);
    SourceFile file = sourceFile(d);
    return new LetterView(
        id,
        source,
        mapper.writeValueAsString(letter),
        text,
        marked,
        file == null ? null : OriginalInfo.of(id, file));
  }

  Original original(String id) throws IOException {
    return originals.read(id, sourceFile(letterDocument(id)));
  }

  /** The file the letter was ingested from, as recorded then; null when it was not a file. */
  private static SourceFile sourceFile(SolrDocument d) {
    Object path = d.getFirstValue(IndexField.SOURCE_PATH.fieldName());
    if (path == null) {
      return null;
    }
    return new SourceFile(
        Path.of(path.toString()),
        Path.of(String.valueOf(d.getFirstValue(IndexField.SOURCE_ROOT.fieldName()))),
        ((Number) d.getFirstValue(IndexField.SOURCE_BYTES.fieldName())).longValue(),
        String.valueOf(d.getFirstValue(IndexField.SOURCE_SHA256.fieldName())));
  }

  private SolrDocument letterDocument(String id) {
    SolrQuery query =
        new SolrQuery(IndexField.LETTER_ID.fieldName() + ":" + SolrQueryWriter.quoted(id));
    query.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_LETTER));
    query.setRows(1);
    SolrDocumentList found = requests.send(query, Map.of(), "the letter").getResults();
    if (found.isEmpty()) {
      throw new NotFoundException("no letter with id '" + id + "'");
    }
    return found.get(0);
  }

  List<Hit> similar(String id, int decision, Outcome outcome) throws IOException {
    SolrQuery own =
        new SolrQuery(IndexField.LETTER_ID.fieldName() + ":" + SolrQueryWriter.quoted(id));
    own.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_DECISION));
    if (decision > 0) {
      own.addFilterQuery(IndexField.DECISION_NUMBER.fieldName() + ":" + decision);
    }
    own.setFields(SolrFields.ID);
    own.setRows(50);
    SolrDocumentList mine = requests.send(own, Map.of(), "the similar decisions").getResults();
    if (mine.isEmpty()) {
      letterDocument(id); // throws when there is no such letter
      if (decision > 0) {
        throw new NotFoundException("letter '" + id + "' has no decision " + decision);
      }
      return List.of();
    }
    // Solr's MoreLikeThis on each of the letter's decisions, as the embedded engine does: the
    // rationale's most telling words (at least in two decisions, at most forty).
    List<String> likes = new ArrayList<>();
    SolrQuery like = new SolrQuery();
    for (int i = 0; i < mine.size(); i++) {
      like.set("d" + i, String.valueOf(mine.get(i).get(SolrFields.ID)));
      likes.add(
          "_query_:\"{!mlt qf="
              + IndexField.RATIONALE.fieldName()
              + " mintf=1 mindf=2 maxqt=40 v=$d"
              + i
              + "}\"");
    }
    like.setQuery(String.join(" ", likes));
    like.set("q.op", "OR");
    like.set("defType", "lucene");
    like.addFilterQuery(
        IndexField.DOC_TYPE.fieldName() + ":" + SolrQueryWriter.quoted(Schema.TYPE_DECISION));
    like.addFilterQuery("-" + IndexField.LETTER_ID.fieldName() + ":" + SolrQueryWriter.quoted(id));
    if (outcome != null) {
      like.addFilterQuery(
          IndexField.OUTCOME.fieldName() + ":" + SolrQueryWriter.quoted(outcome.label()));
    }
    like.set("fl", String.join(",", SolrHits.SHOWN));
    like.setRows(SIMILAR);
    List<Hit> hits = new ArrayList<>();
    for (SolrDocument d : requests.send(like, Map.of(), "the similar decisions").getResults()) {
      hits.add(SolrHits.hit(d, List.of()));
    }
    return hits;
  }

  ExportService.Export export(
      String queryText,
      Map<Filter, List<String>> filters,
      ExportService.Format format,
      long limit,
      String siteUrl)
      throws IOException {
    if (limit < 1) {
      throw new BadRequestException("limit must be 1 or more, was " + limit);
    }
    requests.q(queryText); // a bad query is a 400 before anything is written
    return out -> {
      SolrQuery query = requests.base(queryText, filters);
      query.set("timeAllowed", "-1"); // an export streams for as long as it takes
      query.set(
          "fl",
          String.join(",", SolrHits.SHOWN)
              + ","
              + String.join(
                  ",",
                  SolrFields.ID,
                  IndexField.RATIONALE.fieldName(),
                  IndexField.CA_GUIDELINE.fieldName(),
                  SolrFields.written(IndexField.CITATION),
                  SolrFields.written(IndexField.CA_CITATION)));
      query.set("sort", SolrFields.ID + " asc");
      String mark = "*";
      try (ExportRows rows = new ExportRows(out, format, mapper, siteUrl)) {
        while (rows.written() < limit) {
          query.setRows((int) Math.min(EXPORT_BATCH, limit - rows.written()));
          query.set("cursorMark", mark);
          QueryResponse page = requests.send(query, Map.of(), "the export");
          for (SolrDocument d : page.getResults()) {
            rows.add(
                SolrHits.hit(d, List.of()),
                SolrHits.strings(d, SolrFields.written(IndexField.CITATION)),
                SolrHits.strings(d, IndexField.CA_GUIDELINE),
                SolrHits.strings(d, SolrFields.written(IndexField.CA_CITATION)),
                SolrHits.string(d, IndexField.RATIONALE));
          }
          rows.flush();
          if (page.getResults().isEmpty() || mark.equals(page.getNextCursorMark())) {
            break;
          }
          mark = page.getNextCursorMark();
        }
        return rows.written();
      }
    };
  }
}
