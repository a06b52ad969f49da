package org.imrsearch.query;

/**
 * A request that cannot be answered as asked: the asker's mistake, not a bug. The message says what
 * to change; the web layer answers it with a 400.
 */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
