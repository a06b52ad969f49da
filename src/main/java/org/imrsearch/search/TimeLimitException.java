package org.imrsearch.search;

import java.time.Duration;

/**
 * A search or count that ran past its time limit and was stopped: the asker should narrow it. Its
 * partial results are never shown. The web layer answers it with a 400.
 */
public final class TimeLimitException extends RuntimeException {
  private final Duration limit;

  /**
   * @param what what took too long ("the query", "the rates")
   * @param advice what to change ("narrow it")
   */
  public TimeLimitException(String what, Duration limit, String advice) {
    super(what + " took longer than the limit of " + limit.toMillis() + " ms: " + advice);
    this.limit = limit;
  }

  public Duration limit() {
    return limit;
  }
}
