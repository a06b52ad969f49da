package org.imrsearch.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;

/**
 * Reads the stored fields of decision documents (with the rationale, for passages) into {@link
 * Hit}s.
 */
final class DecisionFields {
  /** The stored fields a hit shows. */
  static final Set<String> SHOWN =
      Stream.concat(
              Schema.HIT_FIELDS.stream().map(IndexField::fieldName),
              Stream.of(IndexField.RATIONALE_SOURCE.fieldName()))
          .collect(Collectors.toUnmodifiableSet());

  /** What an export writes of a decision: what a hit shows, and both parties' citations. */
  static final Set<String> EXPORTED =
      Stream.concat(
              SHOWN.stream(),
              Stream.of(
                  IndexField.CITATION.fieldName(),
                  IndexField.CA_GUIDELINE.fieldName(),
                  IndexField.CA_CITATION.fieldName()))
          .collect(Collectors.toUnmodifiableSet());

  private DecisionFields() {}

  static Document load(StoredFields stored, int doc) throws IOException {
    return stored.document(doc, SHOWN);
  }

  static Hit hit(Document d, List<String> passages) {
    IndexableField date = d.getField(IndexField.DECISION_DATE.fieldName());
    return new Hit(
        d.get(IndexField.DECISION_ID.fieldName()),
        d.get(IndexField.LETTER_ID.fieldName()),
        d.get(IndexField.CASE_NUMBER.fieldName()),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
        d.get(IndexField.ITEM.fieldName()),
        d.get(IndexField.OUTCOME.fieldName()),
        d.get(IndexField.TREATMENT.fieldName()),
        Arrays.asList(d.getValues(IndexField.SPECIALTY.fieldName())),
        Arrays.asList(d.getValues(IndexField.GUIDELINE.fieldName())),
        passages);
  }
}
