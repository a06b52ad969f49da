package org.imrsearch.search;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.imrsearch.original.OriginalInfo;

/**
 * A whole letter for the letter page: its extracted fields (the extraction contract's JSON, as
 * stored at ingest), its text, and, when a query was given, the text with the matches marked.
 *
 * @param source the name of the file it was read from (no directories)
 * @param letter the extracted letter as JSON (its "source" keeps the path given at ingest)
 * @param markedText the text HTML-escaped with matches in {@code <mark>}; null without a query
 * @param original the original file's name, size, SHA-256 and link; null when the letter was not
 *     read from a file (or was indexed before schema 8)
 */
public record LetterView(
    String id,
    String source,
    @JsonRawValue String letter,
    String text,
    String markedText,
    OriginalInfo original) {

  /** A view without an original file. */
  public LetterView(String id, String source, String letter, String text, String markedText) {
    this(id, source, letter, text, markedText, null);
  }
}
