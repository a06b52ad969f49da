package org.imrsearch.index;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The index's schema: its version, the document kinds and the facet dimensions, with the one {@link
 * FacetsConfig} that indexing and search must share.
 */
public final class Schema {
  /** Bump when a field changes meaning or type: an index of another version must be rebuilt. */
  public static final int VERSION = 8;

  public static final String TYPE_DECISION = "decision";
  public static final String TYPE_LETTER = "letter";

  /** Commit user-data keys. */
  public static final String COMMIT_SCHEMA_VERSION = "schema_version";

  public static final String COMMIT_TIME = "commit_time";

  /** What a search hit shows of a decision (besides its rationale passages), in both engines. */
  public static final List<IndexField> HIT_FIELDS =
      List.of(
          IndexField.DECISION_ID,
          IndexField.LETTER_ID,
          IndexField.CASE_NUMBER,
          IndexField.DECISION_DATE,
          IndexField.ITEM,
          IndexField.OUTCOME,
          IndexField.TREATMENT,
          IndexField.SPECIALTY,
          IndexField.GUIDELINE);

  /** Facet dimensions, in the order pages show them. */
  public static final List<IndexField> FACETS =
      List.of(
          IndexField.SPECIALTY,
          IndexField.GUIDELINE,
          IndexField.OUTCOME,
          IndexField.TREATMENT,
          IndexField.YEAR,
          IndexField.DECISION_MONTH,
          IndexField.CITATION,
          IndexField.CA_GUIDELINE,
          IndexField.CA_CITATION,
          IndexField.LICENSURE,
          IndexField.SEX,
          IndexField.AGE_BAND,
          IndexField.PRIORITY,
          IndexField.LAYOUT);

  private static final List<IndexField> MULTI_VALUED =
      List.of(
          IndexField.SPECIALTY,
          IndexField.GUIDELINE,
          IndexField.CA_GUIDELINE,
          IndexField.CITATION,
          IndexField.CA_CITATION,
          IndexField.LICENSURE);
  private static final List<IndexField> HIERARCHICAL =
      List.of(IndexField.CITATION, IndexField.CA_CITATION, IndexField.DECISION_MONTH);

  /**
   * The fields a letter document has (see {@link LetterDocuments}); all others are on decisions
   * only.
   */
  private static final Set<IndexField> ON_LETTER_DOCUMENTS =
      EnumSet.of(
          IndexField.LETTER_ID,
          IndexField.DOC_TYPE,
          IndexField.CASE_NUMBER,
          IndexField.DECISION_DATE,
          IndexField.CASE_SUMMARY,
          IndexField.SUMMARY_SOURCE,
          IndexField.TEXT,
          IndexField.TEXT_HOLES,
          IndexField.LETTER_JSON,
          IndexField.SOURCE,
          IndexField.SOURCE_PATH,
          IndexField.SOURCE_ROOT,
          IndexField.SOURCE_BYTES,
          IndexField.SOURCE_SHA256);

  private Schema() {}

  /**
   * Whether only decision documents have the index field named {@code fieldName} (false for names
   * not in the schema).
   */
  public static boolean onDecisionsOnly(String fieldName) {
    return named(fieldName).map(f -> !ON_LETTER_DOCUMENTS.contains(f)).orElse(false);
  }

  /** The schema's field called {@code fieldName}, if there is one. */
  private static Optional<IndexField> named(String fieldName) {
    return Arrays.stream(IndexField.values())
        .filter(f -> f.fieldName().equals(fieldName))
        .findFirst();
  }

  /** A new facets config describing every dimension; build one per index and share it. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (IndexField f : FACETS) {
      config.setMultiValued(f.fieldName(), MULTI_VALUED.contains(f));
      config.setHierarchical(f.fieldName(), HIERARCHICAL.contains(f));
    }
    return config;
  }

  public static boolean isHierarchical(IndexField f) {
    return HIERARCHICAL.contains(f);
  }

  /**
   * Whether the facet dimension named {@code dim} is hierarchical (false for names not in the
   * schema).
   */
  public static boolean isHierarchical(String dim) {
    return named(dim).map(HIERARCHICAL::contains).orElse(false);
  }
}
