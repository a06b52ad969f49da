package org.imrsearch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What IMR decided about one disputed item: the claims administrator's denial stands, or not. */
public enum Outcome {
  /** The denial or modification stands: the item is not medically necessary. */
  UPHELD,
  /** The denial is reversed: the item is medically necessary. */
  OVERTURNED;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Outcome parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
