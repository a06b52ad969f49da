package org.imrsearch.extract;

/** The text is readable but is not an IMR determination letter in any layout we know. */
public final class NotALetterException extends Exception {
  public NotALetterException(String message) {
    super(message);
  }
}
