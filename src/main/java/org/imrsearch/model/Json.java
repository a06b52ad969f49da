package org.imrsearch.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one way this project writes JSON: dates as YYYY-MM-DD, records as they are. */
public final class Json {
  private Json() {}

  /** A new mapper; build one at start-up and pass it around. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The letter as JSON without its full text (the extraction contract's shape). */
  public static ObjectNode withoutText(ObjectMapper mapper, Letter letter) {
    ObjectNode node = mapper.valueToTree(letter);
    node.remove("text");
    return node;
  }
}
