package org.imrsearch.ingest;

/** A file that cannot be turned into text: the message says why, for the ingest report. */
public final class UnreadableFileException extends Exception {
  public UnreadableFileException(String message) {
    super(message);
  }

  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
