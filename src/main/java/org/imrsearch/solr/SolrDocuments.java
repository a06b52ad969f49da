package org.imrsearch.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrInputDocument;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.LetterDocuments;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * Maps a letter to its Solr documents: one per decision, carrying the letter's fields and the prose
 * of the whole letter (so "summary:" and "letter:" need no join), then one for the letter, with its
 * text and the extracted letter as JSON. The facet values are the embedded index's own ({@link
 * LetterDocuments#facetValues}).
 */
final class SolrDocuments {
  private final ObjectMapper mapper;
  private final InstantSource clock;

  /** {@code clock} tells each letter when it was indexed ({@link IndexField#INDEXED_AT}). */
  SolrDocuments(ObjectMapper mapper, InstantSource clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The decisions of {@code letter}, then the letter, read from {@code file} (or null). */
  List<SolrInputDocument> of(Letter letter, SourceFile file) {
    List<SolrInputDocument> docs = new ArrayList<>();
    long indexedAt = clock.millis();
    int n = 0;
    for (Decision d : letter.decisions()) {
      SolrInputDocument doc = decision(letter, d, ++n);
      doc.addField(IndexField.INDEXED_AT.fieldName(), indexedAt);
      docs.add(doc);
    }
    docs.add(letterDocument(letter, file));
    return docs;
  }

  private static SolrInputDocument decision(Letter letter, Decision d, int number) {
    SolrInputDocument doc = common(letter, Schema.TYPE_DECISION, letter.id() + "#" + number);
    doc.addField(IndexField.DECISION_ID.fieldName(), letter.id() + "#" + number);
    doc.addField(IndexField.DECISION_NUMBER.fieldName(), number);
    doc.addField(IndexField.ITEM.fieldName(), d.item());
    doc.addField(IndexField.RATIONALE.fieldName(), d.rationale());
    doc.addField(IndexField.GUIDELINE_TEXT.fieldName(), guidelineText(d));
    doc.addField(IndexField.CASE_SUMMARY.fieldName(), letter.caseSummary());
    for (Decision any : letter.decisions()) {
      doc.addField(SolrFields.letterWide(IndexField.RATIONALE), any.rationale());
      doc.addField(SolrFields.letterWide(IndexField.ITEM), any.item());
      doc.addField(SolrFields.letterWide(IndexField.GUIDELINE_TEXT), guidelineText(any));
    }
    for (Map.Entry<IndexField, List<String>> facet :
        LetterDocuments.facetValues(letter, d).entrySet()) {
      for (String value : facet.getValue()) {
        if (SolrFields.hierarchical(facet.getKey())) {
          SolrFields.levels(value).forEach(t -> doc.addField(facet.getKey().fieldName(), t));
        } else {
          doc.addField(facet.getKey().fieldName(), value);
        }
      }
    }
    d.reviewerGuideline()
        .citations()
        .forEach(c -> doc.addField(SolrFields.written(IndexField.CITATION), c));
    d.claimsAdministratorGuideline()
        .citations()
        .forEach(c -> doc.addField(SolrFields.written(IndexField.CA_CITATION), c));
    if (letter.decisionDate() != null) {
      doc.addField(IndexField.DECISION_DATE.fieldName(), letter.decisionDate().toEpochDay());
    }
    Long days = LetterDocuments.decisionDays(letter);
    if (days != null) {
      doc.addField(IndexField.DECISION_DAYS.fieldName(), days);
    }
    return doc;
  }

  private SolrInputDocument letterDocument(Letter letter, SourceFile file) {
    SolrInputDocument doc = common(letter, Schema.TYPE_LETTER, letter.id());
    if (file != null) {
      doc.addField(IndexField.SOURCE_PATH.fieldName(), file.path().toString());
      doc.addField(IndexField.SOURCE_ROOT.fieldName(), file.root().toString());
      doc.addField(IndexField.SOURCE_BYTES.fieldName(), file.bytes());
      doc.addField(IndexField.SOURCE_SHA256.fieldName(), file.sha256());
    }
    doc.addField(IndexField.TEXT.fieldName(), letter.text());
    doc.addField(
        IndexField.LETTER_JSON.fieldName(),
        json(letter.withProse(letter.caseSummary(), letter.decisions(), "")));
    doc.addField(IndexField.SOURCE.fieldName(), letter.source());
    if (letter.decisionDate() != null) {
      doc.addField(IndexField.DECISION_DATE.fieldName(), letter.decisionDate().toEpochDay());
    }
    return doc;
  }

  private static SolrInputDocument common(Letter letter, String type, String id) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(SolrFields.ID, id);
    doc.addField(IndexField.LETTER_ID.fieldName(), letter.id());
    doc.addField(IndexField.DOC_TYPE.fieldName(), type);
    if (letter.caseNumber() != null) {
      doc.addField(IndexField.CASE_NUMBER.fieldName(), letter.caseNumber());
    }
    return doc;
  }

  /** Both guideline blocks as written, as the embedded index indexes them. */
  private static String guidelineText(Decision d) {
    return d.claimsAdministratorGuideline().text() + "\n" + d.reviewerGuideline().text();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
