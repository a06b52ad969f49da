package org.imrsearch.index;

/**
 * Every field of the index, named once. A decision is one Lucene document carrying its letter's
 * fields, so that counts and overturn rates count decisions; the letter itself is the last document
 * of its block (a Lucene block join), holding the full text once.
 */
public enum IndexField {
  // --- on every document of a letter's block ---
  /** Keyword: the letter's id; deleting by it replaces the whole block on re-ingest. */
  LETTER_ID("letter_id"),
  /** Keyword: "decision" or "letter", to tell the two kinds of document apart. */
  DOC_TYPE("doc_type"),

  // --- decision documents ---
  /** Keyword, stored: "{letter id}#{n}", n from 1 in letter order. */
  DECISION_ID("decision_id"),
  /** Int point + stored: the decision's position in its letter, from 1. */
  DECISION_NUMBER("decision_number"),
  /** Text, stored with offsets: the decided item. */
  ITEM("item"),
  /**
   * Text with offsets: the reviewer's rationale (the main search field); its stored form is {@link
   * #RATIONALE_SOURCE}.
   */
  RATIONALE("rationale"),
  /** Stored: the rationale's passage as written in the letter (see {@link StoredText}). */
  RATIONALE_SOURCE("rationale_source"),
  /** Text, stored: both guideline blocks as written. */
  GUIDELINE_TEXT("guideline_text"),
  /** Keyword, stored: upheld or overturned. */
  OUTCOME("outcome"),
  /** Keyword, stored: treatment category. */
  TREATMENT("treatment"),
  /** Keyword, stored, multi-valued: the reviewer's guideline families. */
  GUIDELINE("guideline"),
  /** Keyword, multi-valued: the claims administrator's guideline families. */
  CA_GUIDELINE("ca_guideline"),
  /** Facet path, multi-valued: the reviewer's citations (MTUS/part/section). */
  CITATION("citation"),
  /** Facet path, multi-valued: the claims administrator's citations. */
  CA_CITATION("ca_citation"),

  // --- letter fields, copied onto each decision so filters and facets work per decision ---
  /** Keyword, stored: the case number (may be absent). */
  CASE_NUMBER("case_number"),
  /** Long point + doc values + stored: decision date as epoch day, for ranges and sorting. */
  DECISION_DATE("decision_date"),
  /** Keyword: decision year, for filters and facets. */
  YEAR("year"),
  /** Facet path: year/month of the decision date. */
  DECISION_MONTH("decision_month"),
  /** Keyword, stored, multi-valued: canonical reviewer specialties. */
  SPECIALTY("specialty"),
  /** Keyword, multi-valued: states of licensure. */
  LICENSURE("licensure"),
  /** Keyword: patient sex. */
  SEX("sex"),
  /** Keyword: patient age band (e.g. "40-49"). */
  AGE_BAND("age_band"),
  /**
   * Keyword: the review's priority (Standard, Expedited), "not stated" when the letter has none.
   */
  PRIORITY("priority"),
  /**
   * Numeric doc values: days from the application for IMR (or, without it, the date the case was
   * assigned) to the decision; absent when the letter lacks the dates.
   */
  DECISION_DAYS("decision_days"),
  /** Keyword: the letter layout. */
  LAYOUT("layout"),
  /**
   * Long point + doc values: when the ingest indexed the letter (epoch millis), so a saved search's
   * feed can list the decisions added since it was saved, newest first. Re-ingesting a letter sets
   * it again.
   */
  INDEXED_AT("indexed_at"),

  // --- letter documents ---
  /** Text with positions: the clinical case summary; its stored form is {@link #SUMMARY_SOURCE}. */
  CASE_SUMMARY("case_summary"),
  /** Stored: the summary's passage as written in the letter (see {@link StoredText}). */
  SUMMARY_SOURCE("summary_source"),
  /**
   * Stored only, in pieces: the whole cleaned letter for the letter page, less the passages stored
   * with the summary and the rationales (its parts are indexed on their own).
   */
  TEXT("text"),
  /**
   * Stored ints: which passage goes between two pieces of {@link #TEXT} (see {@link StoredText}).
   */
  TEXT_HOLES("text_holes"),
  /** Stored JSON of the extracted letter (without its text). */
  LETTER_JSON("letter_json"),
  /** Stored: the file the letter was read from. */
  SOURCE("source"),
  /**
   * Stored: the file the letter was read from, absolute and normalized (absent when the letter was
   * not read from a file); the original is served from it (see {@link
   * org.imrsearch.model.SourceFile}).
   */
  SOURCE_PATH("source_path"),
  /** Stored: the ingest input the file was found under; the original is served only inside it. */
  SOURCE_ROOT("source_root"),
  /** Stored long: the file's size in bytes when it was ingested. */
  SOURCE_BYTES("source_bytes"),
  /** Stored: the SHA-256 of the file's bytes when it was ingested, in lowercase hex. */
  SOURCE_SHA256("source_sha256");

  private final String name;

  IndexField(String name) {
    this.name = name;
  }

  /** The Lucene field name. */
  public String fieldName() {
    return name;
  }
}
