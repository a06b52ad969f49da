package org.imrsearch.engine;

/**
 * The engine cannot answer now: a search cluster that is down, unreachable or too slow. The message
 * says which and is safe to show; the server keeps running and the next request tries again.
 */
public final class EngineUnavailableException extends RuntimeException {
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
