package org.imrsearch.original;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.imrsearch.model.SourceFile;

/**
 * What the letter page shows of a letter's original file: its name (never the server's
 * directories), size and SHA-256 as recorded at ingest, and where to open it.
 *
 * @param href the API path that serves the file ({@code /api/letters/{id}/original})
 */
public record OriginalInfo(String fileName, long bytes, String sha256, String href) {

  /** The info of letter {@code letterId}'s {@code file}. */
  public static OriginalInfo of(String letterId, SourceFile file) {
    String id = URLEncoder.encode(letterId, StandardCharsets.UTF_8).replace("+", "%20");
    return new OriginalInfo(
        file.fileName(), file.bytes(), file.sha256(), "/api/letters/" + id + "/original");
  }
}
