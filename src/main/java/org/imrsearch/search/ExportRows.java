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

/**
 * The rows of an export, as CSV or JSON Lines, whichever engine found them: one decision per row,
 * what a hit shows, both parties' guideline families and citations, a link to the decision on the
 * letter page, and the rationale.
 */
public final class ExportRows implements AutoCloseable {
  static final List<String> COLUMNS =
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

  private final Writer out;
  private final ExportService.Format format;
  private final ObjectMapper mapper;
  private final String siteUrl;
  private long written;

  /** Starts the export on {@code out}: the CSV header now, the rows as they are added. */
  public ExportRows(
      OutputStream out, ExportService.Format format, ObjectMapper mapper, String siteUrl)
      throws IOException {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.format = format;
    this.mapper = mapper;
    this.siteUrl = siteUrl;
    if (format == ExportService.Format.CSV) {
      this.out.write(String.join(",", COLUMNS) + "\r\n");
    }
  }

  /** Writes one decision: {@code hit} and what it does not carry. */
  public void add(
      Hit h,
      List<String> citations,
      List<String> caGuidelines,
      List<String> caCitations,
      String rationale)
      throws IOException {
    String letterUrl =
        siteUrl
            + "/letter.html?id="
            + URLEncoder.encode(h.letterId(), StandardCharsets.UTF_8)
            + "&decision="
            + URLEncoder.encode(h.decisionId(), StandardCharsets.UTF_8);
    List<String> row =
        List.of(
            h.decisionId(),
            h.letterId(),
            nz(h.caseNumber()),
            h.decisionDate() == null ? "" : h.decisionDate().toString(),
            nz(h.item()),
            nz(h.outcome()),
            nz(h.treatment()),
            String.join("; ", h.specialties()),
            String.join("; ", h.guidelines()),
            String.join("; ", citations),
            String.join("; ", caGuidelines),
            String.join("; ", caCitations),
            letterUrl,
            rationale);
    if (format == ExportService.Format.CSV) {
      out.write(String.join(",", row.stream().map(ExportRows::csvCell).toList()));
      out.write("\r\n");
    } else {
      Map<String, String> record = new LinkedHashMap<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        record.put(COLUMNS.get(i), row.get(i));
      }
      out.write(mapper.writeValueAsString(record));
      out.write("\n");
    }
    written++;
  }

  /** Rows written so far. */
  public long written() {
    return written;
  }

  /** Sends what is buffered, so a long export streams. */
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes; the stream stays the caller's to close. */
  @Override
  public void close() throws IOException {
    out.flush();
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
