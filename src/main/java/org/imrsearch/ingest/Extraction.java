package org.imrsearch.ingest;

import java.util.Objects;
import org.imrsearch.model.ExtractionFailure;
import org.imrsearch.model.Letter;

/** What became of one file: a letter, or a failure with its reason. Exactly one is set. */
public record Extraction(Letter letter, ExtractionFailure failure) {

  public Extraction {
    if ((letter == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of letter and failure");
    }
  }

  public static Extraction of(Letter letter) {
    return new Extraction(Objects.requireNonNull(letter), null);
  }

  public static Extraction failed(String source, String reason) {
    return new Extraction(null, new ExtractionFailure(source, reason));
  }

  public boolean ok() {
    return letter != null;
  }

  public String source() {
    return ok() ? letter.source() : failure.source();
  }
}
