package org.imrsearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
  private static final List<String> COLUMNS =
      List.of(
          "decision_id",
          "letter_id",
          "case_number",
          "decision_date",
          "item",
          "outcome",
          "treatment",
          "specialties",
          "guidelines",
          "citations",
          "ca_guidelines",
          "ca_citations",
          "letter_url",
          "rationale");

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
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      if (format == Format.CSV) {
        w.write(String.join(",", COLUMNS) + "\r\n");
      }
      InOrderStoredFields stored = new InOrderStoredFields(searcher, DecisionFields.EXPORTED);
      long written = 0;
      ScoreDoc after = null;
      while (written < limit) {
        TopDocs page =
            searcher.searchAfter(
                after, query, (int) Math.min(BATCH, limit - written), Sort.INDEXORDER);
        for (Document d : stored.read(page.scoreDocs)) {
          List<String> row = row(d, siteUrl);
          if (format == Format.CSV) {
            w.write(String.join(",", row.stream().map(ExportService::csvCell).toList()));
            w.write("\r\n");
          } else {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
              record.put(COLUMNS.get(i), row.get(i));
            }
            w.write(mapper.writeValueAsString(record));
            w.write("\n");
          }
          written++;
        }
        if (page.scoreDocs.length == 0) {
          break;
        }
        after = page.scoreDocs[page.scoreDocs.length - 1];
        w.flush();
      }
      w.flush();
      return written;
    }
  }

  private static List<String> row(Document d, String siteUrl) {
    Hit h = DecisionFields.hit(d, List.of());
    String letterUrl =
        siteUrl
            + "/letter.html?id="
            + URLEncoder.encode(h.letterId(), StandardCharsets.UTF_8)
            + "&decision="
            + URLEncoder.encode(h.decisionId(), StandardCharsets.UTF_8);
    return List.of(
        h.decisionId(),
        h.letterId(),
        nz(h.caseNumber()),
        h.decisionDate() == null ? "" : h.decisionDate().toString(),
        nz(h.item()),
        nz(h.outcome()),
        nz(h.treatment()),
        String.join("; ", h.specialties()),
        String.join("; ", h.guidelines()),
        String.join("; ", d.getValues(IndexField.CITATION.fieldName())),
        String.join("; ", d.getValues(IndexField.CA_GUIDELINE.fieldName())),
        String.join("; ", d.getValues(IndexField.CA_CITATION.fieldName())),
        letterUrl,
        StoredText.rationale(d));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /**
   * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
   * leading apostrophe, because letter text is untrusted.
   */
  static String csvCell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",")
        || v.contains("\"")
        || v.contains("\n")
        || v.contains("\r")
        || !v.equals(value)) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
