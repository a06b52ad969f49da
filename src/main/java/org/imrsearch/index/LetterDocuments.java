package org.imrsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * Maps a letter to its block of Lucene documents: one per decision (carrying the letter's fields
 * for filters and facets), then the letter itself, last, as the block's parent.
 */
public final class LetterDocuments {
  /**
   * Prose (the item) indexed with offsets, so the highlighter reads passages from the postings
   * instead of re-analyzing the text of every hit, and stored.
   */
  private static final FieldType PROSE = proseType(true);

  /** The rationale: indexed as {@link #PROSE}, stored as its passage ({@link StoredText}). */
  private static final FieldType PROSE_NOT_STORED = proseType(false);

  /**
   * The case summary: indexed with positions for phrases, without offsets (one letter at a time is
   * highlighted, so analysing it then is cheap); stored as its passage ({@link StoredText}).
   */
  private static final FieldType LETTER_PROSE = letterProseType();

  /** The facet value of a decision whose letter does not say (no sex, no date, ...). */
  public static final String NOT_STATED = "not stated";

  /** The guideline facet value of a decision whose party cited no evidence. */
  public static final String NONE_CITED = "none cited";

  /**
   * The keyword values a hit shows (and an export writes), read from stored fields; the others are
   * only filtered and counted, so they are not stored.
   */
  private static final Set<IndexField> SHOWN_WITH_HITS =
      EnumSet.of(
          IndexField.OUTCOME,
          IndexField.TREATMENT,
          IndexField.GUIDELINE,
          IndexField.CA_GUIDELINE,
          IndexField.SPECIALTY);

  private final FacetsConfig facets;
  private final ObjectMapper mapper;
  private final InstantSource clock;

  public LetterDocuments(FacetsConfig facets, ObjectMapper mapper) {
    this(facets, mapper, InstantSource.system());
  }

  /** {@code clock} tells each block when it was indexed ({@link IndexField#INDEXED_AT}). */
  public LetterDocuments(FacetsConfig facets, ObjectMapper mapper, InstantSource clock) {
    this.facets = facets;
    this.mapper = mapper;
    this.clock = clock;
  }

  private static FieldType letterProseType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }

  private static FieldType proseType(boolean stored) {
    FieldType type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  /** The block for {@code letter}, not read from a file: decisions first, the letter last. */
  public List<Document> block(Letter letter) throws IOException {
    return block(letter, null);
  }

  /**
   * The block for {@code letter}, read from {@code file} (null when it was not read from a file):
   * decisions first, the letter document last.
   */
  public List<Document> block(Letter letter, SourceFile file) throws IOException {
    List<Document> block = new ArrayList<>();
    long indexedAt = clock.millis();
    int n = 0;
    StoredText.Cut text =
        StoredText.cut(
            letter.text(),
            letter.caseSummary(),
            letter.decisions().stream().map(Decision::rationale).toList());
    for (Decision decision : letter.decisions()) {
      Document doc = decisionDocument(letter, decision, ++n, text.rationales().get(n - 1));
      // Points to select "since", doc values to sort newest first; not stored (a feed reads it
      // from the sort values).
      doc.add(new LongField(IndexField.INDEXED_AT.fieldName(), indexedAt, Field.Store.NO));
      block.add(facets.build(doc));
    }
    block.add(facets.build(letterDocument(letter, text, file)));
    return block;
  }

  private Document decisionDocument(Letter letter, Decision d, int number, String rationaleSource) {
    Document doc = common(letter, Schema.TYPE_DECISION);
    doc.add(
        new KeywordField(
            IndexField.DECISION_ID.fieldName(), letter.id() + "#" + number, Field.Store.YES));
    doc.add(new IntField(IndexField.DECISION_NUMBER.fieldName(), number, Field.Store.YES));
    doc.add(new Field(IndexField.ITEM.fieldName(), d.item(), PROSE));
    doc.add(new Field(IndexField.RATIONALE.fieldName(), d.rationale(), PROSE_NOT_STORED));
    doc.add(new StoredField(IndexField.RATIONALE_SOURCE.fieldName(), rationaleSource));
    doc.add(
        new TextField(
            IndexField.GUIDELINE_TEXT.fieldName(),
            d.claimsAdministratorGuideline().text() + "\n" + d.reviewerGuideline().text(),
            Field.Store.NO));
    for (String path : d.reviewerGuideline().citations()) {
      doc.add(new StoredField(IndexField.CITATION.fieldName(), path));
    }
    for (String path : d.claimsAdministratorGuideline().citations()) {
      doc.add(new StoredField(IndexField.CA_CITATION.fieldName(), path));
    }
    facetValues(letter, d)
        .forEach(
            (field, values) -> {
              for (String value : values) {
                if (Schema.isHierarchical(field)) {
                  doc.add(new SortedSetDocValuesFacetField(field.fieldName(), value.split("/")));
                } else {
                  keywordFacet(doc, field, value);
                }
              }
            });
    letterFields(letter, doc);
    return doc;
  }

  /**
   * The value of each facet for {@code decision} of {@code letter}, hierarchical ones as paths
   * ("MTUS/Low Back Complaints 2004", "2016/03"), in {@link Schema#FACETS} order. A decision
   * without a value has "not stated" or "none cited", so every grouping adds up. Both engines index
   * exactly these values.
   */
  public static Map<IndexField, List<String>> facetValues(Letter letter, Decision decision) {
    Map<IndexField, List<String>> values = new EnumMap<>(IndexField.class);
    LocalDate date = letter.decisionDate();
    values.put(IndexField.SPECIALTY, valuesOrNone(letter.reviewer().specialties(), NOT_STATED));
    values.put(
        IndexField.GUIDELINE, valuesOrNone(decision.reviewerGuideline().sources(), NONE_CITED));
    values.put(IndexField.OUTCOME, List.of(decision.outcome().label()));
    values.put(IndexField.TREATMENT, List.of(decision.treatmentCategory()));
    values.put(
        IndexField.YEAR, List.of(date == null ? NOT_STATED : Integer.toString(date.getYear())));
    values.put(
        IndexField.DECISION_MONTH,
        List.of(
            date == null
                ? NOT_STATED
                : String.format(Locale.ROOT, "%d/%02d", date.getYear(), date.getMonthValue())));
    values.put(
        IndexField.CITATION, valuesOrNone(decision.reviewerGuideline().citations(), NONE_CITED));
    values.put(
        IndexField.CA_GUIDELINE,
        valuesOrNone(decision.claimsAdministratorGuideline().sources(), NONE_CITED));
    values.put(
        IndexField.CA_CITATION,
        valuesOrNone(decision.claimsAdministratorGuideline().citations(), NONE_CITED));
    values.put(IndexField.LICENSURE, valuesOrNone(letter.reviewer().licensure(), NOT_STATED));
    values.put(
        IndexField.SEX,
        List.of(letter.patient().sex() == null ? NOT_STATED : letter.patient().sex()));
    values.put(
        IndexField.AGE_BAND,
        List.of(letter.patient().age() == null ? NOT_STATED : ageBand(letter.patient().age())));
    values.put(
        IndexField.PRIORITY, List.of(letter.priority() == null ? NOT_STATED : letter.priority()));
    values.put(IndexField.LAYOUT, List.of(letter.layout()));
    return values;
  }

  /**
   * Days from the application for IMR (or, without it, the date the case was assigned) to the
   * decision; null when the letter lacks the dates or they are out of order.
   */
  public static Long decisionDays(Letter letter) {
    LocalDate date = letter.decisionDate();
    LocalDate from =
        letter.applicationReceived() != null ? letter.applicationReceived() : letter.dateAssigned();
    return date != null && from != null && !from.isAfter(date)
        ? date.toEpochDay() - from.toEpochDay()
        : null;
  }

  /** The letter's own non-facet fields, copied onto each decision. */
  private static void letterFields(Letter letter, Document doc) {
    if (letter.caseNumber() != null) {
      doc.add(
          new KeywordField(
              IndexField.CASE_NUMBER.fieldName(), letter.caseNumber(), Field.Store.YES));
    }
    LocalDate date = letter.decisionDate();
    if (date != null) {
      doc.add(
          new LongField(IndexField.DECISION_DATE.fieldName(), date.toEpochDay(), Field.Store.YES));
    }
    Long days = decisionDays(letter);
    if (days != null) {
      doc.add(new NumericDocValuesField(IndexField.DECISION_DAYS.fieldName(), days));
    }
  }

  private Document letterDocument(Letter letter, StoredText.Cut text, SourceFile file) {
    Document doc = common(letter, Schema.TYPE_LETTER);
    // Every document of the index then has facet doc values, which Lucene reads much faster
    // than values on only some documents (here: no letter document among the decisions).
    doc.add(new SortedSetDocValuesFacetField(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER));
    doc.add(new Field(IndexField.CASE_SUMMARY.fieldName(), letter.caseSummary(), LETTER_PROSE));
    doc.add(new StoredField(IndexField.SUMMARY_SOURCE.fieldName(), text.summary()));
    // The whole text is stored, not indexed: its summary and decisions are indexed on their own,
    // and analysing it all again cost a third of indexing and a quarter of the index. It is
    // stored less the passages stored with the summary and the rationales (StoredText).
    for (String piece : text.pieces()) {
      doc.add(new StoredField(IndexField.TEXT.fieldName(), piece));
    }
    for (int hole : text.holes()) {
      doc.add(new StoredField(IndexField.TEXT_HOLES.fieldName(), hole));
    }
    doc.add(new StoredField(IndexField.LETTER_JSON.fieldName(), json(storedLetter(letter))));
    doc.add(new StoredField(IndexField.SOURCE.fieldName(), letter.source()));
    if (file != null) {
      // Stored only: the original is found by the letter's id, never searched for by its path.
      doc.add(new StoredField(IndexField.SOURCE_PATH.fieldName(), file.path().toString()));
      doc.add(new StoredField(IndexField.SOURCE_ROOT.fieldName(), file.root().toString()));
      doc.add(new StoredField(IndexField.SOURCE_BYTES.fieldName(), file.bytes()));
      doc.add(new StoredField(IndexField.SOURCE_SHA256.fieldName(), file.sha256()));
    }
    if (letter.caseNumber() != null) {
      doc.add(
          new KeywordField(
              IndexField.CASE_NUMBER.fieldName(), letter.caseNumber(), Field.Store.YES));
    }
    if (letter.decisionDate() != null) {
      doc.add(
          new LongField(
              IndexField.DECISION_DATE.fieldName(),
              letter.decisionDate().toEpochDay(),
              Field.Store.YES));
    }
    return doc;
  }

  /**
   * The letter without the prose stored elsewhere in its block (the text, the case summary, each
   * decision's rationale), so each is stored once; reading a letter puts them back.
   */
  private static Letter storedLetter(Letter l) {
    List<Decision> decisions =
        l.decisions().stream()
            .map(
                d ->
                    new Decision(
                        d.item(),
                        d.itemContext(),
                        d.outcome(),
                        d.treatmentCategory(),
                        d.claimsAdministratorGuideline(),
                        d.reviewerGuideline(),
                        ""))
            .toList();
    return l.withProse("", decisions, "");
  }

  private static Document common(Letter letter, String type) {
    Document doc = new Document();
    doc.add(new KeywordField(IndexField.LETTER_ID.fieldName(), letter.id(), Field.Store.YES));
    doc.add(new KeywordField(IndexField.DOC_TYPE.fieldName(), type, Field.Store.NO));
    return doc;
  }

  /** A keyword for filters and {@code field:value} queries, plus the facet value. */
  private static void keywordFacet(Document doc, IndexField field, String value) {
    Field.Store store = SHOWN_WITH_HITS.contains(field) ? Field.Store.YES : Field.Store.NO;
    doc.add(new KeywordField(field.fieldName(), value, store));
    doc.add(new SortedSetDocValuesFacetField(field.fieldName(), value));
  }

  /** Every decision counts in every grouping: the ones without a value count here. */
  private static List<String> valuesOrNone(List<String> values, String none) {
    return values.isEmpty() ? List.of(none) : values;
  }

  /** Ten-year bands: what a researcher compares, coarse enough to say nothing about one person. */
  static String ageBand(int age) {
    if (age < 20) {
      return "under 20";
    }
    if (age >= 70) {
      return "70 and over";
    }
    int low = age / 10 * 10;
    return low + "-" + (low + 9);
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
