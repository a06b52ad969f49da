package org.imrsearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.StoredText;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;

/**
 * Every decision a query and filters select, streamed as CSV or JSON Lines in pages of a few
 * hundred (search-after), so memory does not grow with the result.
 */
public final class ExportService {
  public enum Format {
    CSV,
    JSONL
  }

  private static final int BATCH = 500;
  private final IndexSearchers searchers;
  private final QuerySyntax syntax;
  private final ObjectMapper mapper;

  public ExportService(IndexSearchers searchers, QuerySyntax syntax, ObjectMapper mapper) {
    this.searchers = searchers;
    this.syntax = syntax;
    this.mapper = mapper;
  }

  /**
   * Parses and checks the request before anything is written, so errors can still be a 400. Each
   * row links to its decision on the letter page under {@code siteUrl} (e.g.
   * "http://127.0.0.1:7070"; "" for links relative to the site).
   */
  public Export prepare(
      String queryText,
      Map<Filter, List<String>> filters,
      Format format,
      long limit,
      String siteUrl)
      throws IOException {
    if (limit < 1) {
      throw new BadRequestException("limit must be 1 or more, was " + limit);
    }
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      syntax.parse(queryText, snapshot.searcher());
    }
    return out -> write(queryText, filters, format, limit, siteUrl, out);
  }

  /** A prepared export: writes everything to the stream. */
  @FunctionalInterface
  public interface Export {
    long writeTo(OutputStream out) throws IOException;
  }

  private long write(
      String queryText,
      Map<Filter, List<String>> filters,
      Format format,
      long limit,
      String siteUrl,
      OutputStream out)
      throws IOException {
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher();
      DrillDownQuery query =
          Filter.drillDown(
              searchers.facetsConfig(),
              syntax.parse(queryText, searcher),
              snapshot.asIndexed(filters));
      InOrderStoredFields stored = new InOrderStoredFields(searcher, DecisionFields.EXPORTED);
      ScoreDoc after = null;
      try (ExportRows rows = new ExportRows(out, format, mapper, siteUrl)) {
        while (rows.written() < limit) {
          TopDocs page =
              searcher.searchAfter(
                  after, query, (int) Math.min(BATCH, limit - rows.written()), Sort.INDEXORDER);
          for (Document d : stored.read(page.scoreDocs)) {
            rows.add(
                DecisionFields.hit(d, List.of()),
                List.of(d.getValues(IndexField.CITATION.fieldName())),
                List.of(d.getValues(IndexField.CA_GUIDELINE.fieldName())),
                List.of(d.getValues(IndexField.CA_CITATION.fieldName())),
                StoredText.rationale(d));
          }
          if (page.scoreDocs.length == 0) {
            break;
          }
          after = page.scoreDocs[page.scoreDocs.length - 1];
          rows.flush();
        }
        return rows.written();
      }
    }
  }
}
