package org.imrsearch.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.index.IndexField;
import org.imrsearch.model.Outcome;
import org.imrsearch.search.Hit;
import org.imrsearch.search.PrecedentRequest;
import org.imrsearch.search.PrecedentService;
import org.imrsearch.search.Precedents;

/**
 * The precedent finder on a Solr collection, by the embedded engine's rules ({@link
 * PrecedentService}): the pasted text's most telling words chosen as Lucene's MoreLikeThis chooses
 * them (frequent in the text, in at least two and at most {@value
 * PrecedentService#MAX_DOC_FREQ_PERCENT}% of the documents, TF-IDF), their document frequencies
 * counted by the whole collection in one request. Solr's own MoreLikeThis handler is not used: it
 * does not run across shards.
 */
final class SolrPrecedents {
  private static final List<IndexField> FIELDS = List.of(IndexField.ITEM, IndexField.RATIONALE);

  private final SolrRequests requests;
  private final Analyzer analyzer;
  private final SolrHits hits;

  /**
   * @param analyzer analyzes the pasted text as letters were analyzed (no query synonyms)
   */
  SolrPrecedents(SolrRequests requests, Analyzer analyzer, SolrHits hits) {
    this.requests = requests;
    this.analyzer = analyzer;
    this.hits = hits;
  }

  Precedents find(PrecedentRequest request) {
    long start = System.nanoTime();
    List<Precedents.WeightedTerm> terms = telling(request.text());
    List<Precedents.Precedent> found = new ArrayList<>();
    if (!terms.isEmpty()) {
      boolean overturnedFirst = request.order() == PrecedentRequest.Order.OVERTURNED_FIRST;
      int candidates =
          overturnedFirst
              ? Math.max(
                  PrecedentService.MIN_CANDIDATES,
                  PrecedentService.CANDIDATES_PER_RESULT * request.size())
              : request.size();
      // Term queries, as MoreLikeThis makes them: the field's query analyzer (its synonyms)
      // stays out of it. Each weighed by its share of the heaviest word's weight.
      SolrQuery query = requests.base("", request.filters());
      List<String> clauses = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        Precedents.WeightedTerm t = terms.get(i);
        query.set("t" + i, termQuery(t.field(), t.term()));
        query.set("c" + i, "{!boost b=" + t.weight() + " v=$t" + i + "}");
        clauses.add("should=$c" + i);
      }
      query.setQuery("{!bool " + String.join(" ", clauses) + "}");
      query.setRows(candidates);
      query.set(
          "fl", String.join(",", SolrHits.SHOWN) + ",score," + IndexField.RATIONALE.fieldName());
      SolrHits.highlight(query);
      QueryResponse response = requests.send(query, Map.of(), "the precedent search");
      List<SolrDocument> docs = new ArrayList<>(response.getResults());
      if (overturnedFirst && !docs.isEmpty()) {
        float floor = score(docs.get(0)) * PrecedentService.PROMOTED_SHARE_OF_BEST;
        List<SolrDocument> promoted = new ArrayList<>();
        List<SolrDocument> others = new ArrayList<>();
        for (SolrDocument d : docs) {
          boolean overturned =
              Outcome.OVERTURNED.label().equals(d.getFirstValue(IndexField.OUTCOME.fieldName()));
          (overturned && score(d) >= floor ? promoted : others).add(d);
        }
        promoted.addAll(others);
        docs = promoted;
      }
      docs = docs.subList(0, Math.min(request.size(), docs.size()));
      for (SolrDocument d : docs) {
        Hit hit = hits.hit(d, response);
        found.add(new Precedents.Precedent(hit, score(d), why(d, terms)));
      }
    }
    return new Precedents(
        request.order().name().toLowerCase(Locale.ROOT),
        terms,
        found,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The term itself, not analyzed again (a field query would add the query's synonyms). */
  private static String termQuery(String field, String term) {
    return "{!term f=" + field + " v=" + SolrQueryWriter.quoted(term) + "}";
  }

  private static float score(SolrDocument d) {
    Object s = d.getFieldValue("score");
    return s instanceof Number n ? n.floatValue() : 0f;
  }

  /**
   * The text's most telling words per field, heaviest first, weights scaled so the heaviest is 1;
   * small numbers ("6 weeks") left out, as the embedded engine leaves them out.
   */
  private List<Precedents.WeightedTerm> telling(String text) {
    Map<String, Integer> tf = new LinkedHashMap<>();
    for (String word : words(text)) {
      if (word.length() >= 2 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
        tf.merge(word, 1, Integer::sum);
      }
    }
    if (tf.isEmpty()) {
      return List.of();
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    List<String[]> keys = new ArrayList<>();
    for (IndexField field : FIELDS) {
      for (String word : tf.keySet()) {
        facets.put("t" + keys.size(), SolrRequests.queryFacet(termQuery(field.fieldName(), word)));
        keys.add(new String[] {field.fieldName(), word});
      }
    }
    SolrQuery all = new SolrQuery("*:*");
    all.setRows(0);
    all.set("timeAllowed", Long.toString(requests.timeout().toMillis()));
    QueryResponse counted = requests.send(all, facets, "the precedent search");
    long numDocs = counted.getResults().getNumFound();
    long maxDocFreq = PrecedentService.MAX_DOC_FREQ_PERCENT * numDocs / 100;
    NamedList<?> f = SolrRequests.facets(counted);
    List<Precedents.WeightedTerm> scored = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      long docFreq = SolrRequests.count(SolrRequests.sub(f, "t" + i));
      if (docFreq < 2 || docFreq > maxDocFreq) {
        continue;
      }
      // ClassicSimilarity's idf, which MoreLikeThis scores words with.
      double idf = Math.log((numDocs + 1) / (double) (docFreq + 1)) + 1.0;
      float score = (float) (tf.get(keys.get(i)[1]) * idf);
      scored.add(new Precedents.WeightedTerm(keys.get(i)[1], keys.get(i)[0], score));
    }
    scored.sort(Comparator.comparingDouble(Precedents.WeightedTerm::weight).reversed());
    List<Precedents.WeightedTerm> kept =
        scored.subList(0, Math.min(PrecedentService.MAX_QUERY_TERMS, scored.size())).stream()
            .filter(t -> !PrecedentService.isSmallNumber(t.term()))
            .toList();
    if (kept.isEmpty()) {
      return List.of();
    }
    float max = kept.get(0).weight();
    return kept.stream()
        .map(t -> new Precedents.WeightedTerm(t.term(), t.field(), t.weight() / max))
        .toList();
  }

  /** The request's words that decision {@code d} has in the same field, heaviest first. */
  private List<Precedents.WeightedTerm> why(SolrDocument d, List<Precedents.WeightedTerm> terms) {
    Map<String, Set<String>> byField = new LinkedHashMap<>();
    for (IndexField field : FIELDS) {
      Object v = d.getFirstValue(field.fieldName());
      byField.put(field.fieldName(), new HashSet<>(words(v == null ? "" : v.toString())));
    }
    List<Precedents.WeightedTerm> shared = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Precedents.WeightedTerm t : terms) {
      if (shared.size() == PrecedentService.WHY_TERMS) {
        break;
      }
      if (!seen.contains(t.term()) && byField.get(t.field()).contains(t.term())) {
        shared.add(t);
        seen.add(t.term());
      }
    }
    return shared;
  }

  private List<String> words(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexField.RATIONALE.fieldName(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader
    }
    return out;
  }
}
