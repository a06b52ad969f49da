package org.imrsearch.index;

import java.io.IOException;

/**
 * An index directory this build cannot use: written under another schema version, or in a format
 * this build's Lucene does not read. The message says what to do (re-ingest); it is a problem of
 * the data on disk, not a bug, so the command line reports it in one line.
 */
public final class IncompatibleIndexException extends IOException {
  public IncompatibleIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
