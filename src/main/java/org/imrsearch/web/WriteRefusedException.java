package org.imrsearch.web;

/** A write that {@link WriteAccess} refused; the server answers 401 or 403 and changes nothing. */
final class WriteRefusedException extends RuntimeException {
  private final WriteAccess.Decision decision;

  WriteRefusedException(WriteAccess.Decision decision, String message) {
    super(message);
    this.decision = decision;
  }

  WriteAccess.Decision decision() {
    return decision;
  }
}
