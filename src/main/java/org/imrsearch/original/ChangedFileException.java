package org.imrsearch.original;

/**
 * The file at a letter's recorded path is no longer the file that was ingested (its size or SHA-256
 * differs). The web layer answers it with a 409: serving it could show a different letter.
 */
public final class ChangedFileException extends RuntimeException {
  public ChangedFileException(String message) {
    super(message);
  }
}
