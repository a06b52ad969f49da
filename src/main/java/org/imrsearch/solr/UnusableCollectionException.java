package org.imrsearch.solr;

import java.io.IOException;

/**
 * A collection this build cannot use: missing, or written under another schema version. The message
 * says what to do; like an incompatible index, it is a problem of the data, not a bug, so the
 * command line reports it in one line.
 */
public final class UnusableCollectionException extends IOException {
  public UnusableCollectionException(String message) {
    super(message);
  }
}
