package org.imrsearch.ingest;

import java.util.Objects;
import org.imrsearch.model.ExtractionFailure;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * What became of one file: a letter, or a failure with its reason. Exactly one is set. A letter
 * read from a file carries that file's record ({@code file}); one extracted from text alone has
 * none.
 */
public record Extraction(Letter letter, SourceFile file, ExtractionFailure failure) {

  public Extraction {
    if ((letter == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of letter and failure");
    }
    if (file != null && letter == null) {
      throw new IllegalArgumentException("a failure has no source file record");
    }
  }

  public static Extraction of(Letter letter) {
    return new Extraction(Objects.requireNonNull(letter), null, null);
  }

  /** A letter read from {@code file}. */
  public static Extraction of(Letter letter, SourceFile file) {
    return new Extraction(Objects.requireNonNull(letter), Objects.requireNonNull(file), null);
  }

  public static Extraction failed(String source, String reason) {
    return new Extraction(null, null, new ExtractionFailure(source, reason));
  }

  public boolean ok() {
    return letter != null;
  }

  public String source() {
    return ok() ? letter.source() : failure.source();
  }
}
