package org.imrsearch.model;

/**
 * A file that could not be read or is not an IMR letter: one line of the extract output and of the
 * ingest report, so nothing is silently dropped.
 */
public record ExtractionFailure(String source, String error) {}
