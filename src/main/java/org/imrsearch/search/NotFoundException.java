package org.imrsearch.search;

/** No such letter or decision. The web layer answers it with a 404. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
