package org.imrsearch.search;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A whole letter for the letter page: its extracted fields (the extraction contract's JSON, as
 * stored at ingest), its text, and, when a query was given, the text with the matches marked.
 *
 * @param source the name of the file it was read from (no directories)
 * @param letter the extracted letter as JSON (its "source" keeps the path given at ingest)
 * @param markedText the text HTML-escaped with matches in {@code <mark>}; null without a query
 */
public record LetterView(
    String id, String source, @JsonRawValue String letter, String text, String markedText) {}
