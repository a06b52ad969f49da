package org.imrsearch.search;

/**
 * A {@code next} cursor whose point in time is no longer kept (or never was): the asker should
 * search again. The web layer answers it with a 400.
 */
public final class ExpiredCursorException extends RuntimeException {
  public ExpiredCursorException() {
    super("this result's cursor expired: search again");
  }
}
