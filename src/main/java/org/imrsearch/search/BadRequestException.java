package org.imrsearch.search;

/** A request the service cannot answer as asked; the message says what to change. Becomes a 400. */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
