package org.imrsearch.solr;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.search.Hit;
import org.imrsearch.search.SearchService;

/** Decisions of a Solr answer as hits: what a hit shows, with its marked rationale passages. */
final class SolrHits {
  /** What a hit shows. */
  static final List<String> SHOWN = Schema.HIT_FIELDS.stream().map(IndexField::fieldName).toList();

  /** Rationale passages as the embedded engine marks them: sentences, matches in {@code <mark>}. */
  static void highlight(SolrQuery query) {
    query.set("hl", true);
    query.set("hl.method", "unified");
    query.set("hl.fl", IndexField.RATIONALE.fieldName());
    query.set("hl.snippets", SearchService.PASSAGES);
    query.set("hl.tag.pre", "<mark>");
    query.set("hl.tag.post", "</mark>");
    query.set("hl.encoder", "html");
    query.set("hl.defaultSummary", true);
    query.set("hl.requireFieldMatch", true);
    query.set("hl.bs.type", "SENTENCE");
    query.set("hl.fragsize", -1);
  }

  /**
   * Decision {@code d} of {@code response}, with its passages as {@link #highlight} marked them.
   */
  Hit hit(SolrDocument d, QueryResponse response) {
    Map<String, Map<String, List<String>>> marked = response.getHighlighting();
    List<String> passages =
        marked == null
            ? List.of()
            : marked
                .getOrDefault(String.valueOf(d.get(SolrFields.ID)), Map.of())
                .getOrDefault(IndexField.RATIONALE.fieldName(), List.of());
    return hit(d, passages.stream().map(String::strip).filter(p -> !p.isEmpty()).toList());
  }

  static Hit hit(SolrDocument d, List<String> passages) {
    Object date = d.getFirstValue(IndexField.DECISION_DATE.fieldName());
    return new Hit(
        string(d, IndexField.DECISION_ID),
        string(d, IndexField.LETTER_ID),
        string(d, IndexField.CASE_NUMBER),
        date instanceof Number n ? LocalDate.ofEpochDay(n.longValue()) : null,
        string(d, IndexField.ITEM),
        string(d, IndexField.OUTCOME),
        string(d, IndexField.TREATMENT),
        strings(d, IndexField.SPECIALTY),
        strings(d, IndexField.GUIDELINE),
        passages);
  }

  static String string(SolrDocument d, IndexField f) {
    Object v = d.getFirstValue(f.fieldName());
    return v == null ? null : v.toString();
  }

  static List<String> strings(SolrDocument d, String field) {
    Collection<Object> values = d.getFieldValues(field);
    return values == null ? List.of() : values.stream().map(Object::toString).toList();
  }

  static List<String> strings(SolrDocument d, IndexField f) {
    return strings(d, f.fieldName());
  }
}
