package org.imrsearch.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.imrsearch.index.IndexField;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;

/**
 * The precedent finder: the decisions whose items and rationales are most like a request pasted as
 * written, by Lucene's MoreLikeThis, within the search filters; unless asked for similarity alone,
 * the overturned ones among the most similar ({@link #CANDIDATES_PER_RESULT} times as many as
 * asked, at least {@link #MIN_CANDIDATES}) come first, if they are at least half as similar as the
 * closest decision. Each comes with its matching rationale passages (highlighted as search
 * highlights them) and the request's words it shares, so a reader sees why it was chosen.
 * Thread-safe.
 */
public final class PrecedentService {
  /** Enough words to describe one request; more only add noise and time. */
  public static final int MAX_QUERY_TERMS = 25;

  /**
   * Overturned first among how many of the most similar: an overturned decision far down the list
   * shares a word or two with the request, not its substance, and must not push a close upheld one
   * off the page.
   */
  public static final int CANDIDATES_PER_RESULT = 5;

  public static final int MIN_CANDIDATES = 50;

  /**
   * An overturned decision goes first only when it is at least this share as similar as the most
   * similar decision: on a small index the 50 most similar include decisions that share one common
   * word with the request (an overturned knee injection before upheld lumbar epidurals).
   */
  public static final float PROMOTED_SHARE_OF_BEST = 0.5f;

  /** Per decision, the shared words shown. */
  public static final int WHY_TERMS = 8;

  /**
   * A word in more than this share of decisions tells nothing apart ("request", "medically"):
   * MoreLikeThis skips it.
   */
  public static final int MAX_DOC_FREQ_PERCENT = 40;

  private static final String[] FIELDS = {
    IndexField.ITEM.fieldName(), IndexField.RATIONALE.fieldName()
  };

  private final IndexSearchers searchers;
  private final SearchService search;
  private final Analyzer analyzer;
  private final Duration timeout;

  /**
   * @param search highlights the passages, as it does for search hits
   * @param analyzer analyzes the pasted text as letters were analyzed: without the query's
   *     synonyms, which weigh an abbreviation three times over ("mri" as "magnetic", "resonance",
   *     "imaging") and ranked a letter that spelled it out above one with the request's own words
   */
  public PrecedentService(
      IndexSearchers searchers, SearchService search, Analyzer analyzer, Duration timeout) {
    this.searchers = searchers;
    this.search = search;
    this.analyzer = analyzer;
    this.timeout = timeout;
  }

  /** The decisions most like {@code request.text()}, in {@code request.order()}. */
  public Precedents find(PrecedentRequest request) throws IOException {
    long start = System.nanoTime();
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher(timeout);
      Map<Filter, List<String>> filters = snapshot.asIndexed(request.filters());
      BooleanQuery like = like(searcher, request.text());
      List<Precedents.WeightedTerm> terms = weightedTerms(like);
      Query selected =
          Filter.drillDown(
              searchers.facetsConfig(),
              new BooleanQuery.Builder()
                  .add(like, BooleanClause.Occur.MUST)
                  .add(QuerySyntax.decisions(), BooleanClause.Occur.FILTER)
                  .build(),
              filters);
      ScoreDoc[] page = new ScoreDoc[0];
      if (!terms.isEmpty()) {
        boolean overturnedFirst = request.order() == PrecedentRequest.Order.OVERTURNED_FIRST;
        int candidates =
            overturnedFirst
                ? Math.max(MIN_CANDIDATES, CANDIDATES_PER_RESULT * request.size())
                : request.size();
        ScoreDoc[] top = searcher.search(selected, candidates).scoreDocs;
        page = overturnedFirst ? overturnedFirst(searcher, top, request.size()) : top;
      }
      if (searcher.timedOut()) {
        throw new TimeLimitException("the precedent search", timeout, "add a filter");
      }
      List<Hit> hits =
          search.hits(
              searcher,
              like,
              new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page));
      List<Precedents.Precedent> precedents = new ArrayList<>();
      for (int i = 0; i < page.length; i++) {
        precedents.add(
            new Precedents.Precedent(
                hits.get(i), page[i].score, why(searcher, page[i].doc, terms)));
      }
      return new Precedents(
          request.order().name().toLowerCase(Locale.ROOT),
          terms,
          precedents,
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * MoreLikeThis's query for the pasted text over items and rationales: its most telling words
   * (frequent in the text, rare in the index), each a term query boosted by its weight.
   */
  private BooleanQuery like(IndexSearcher searcher, String text) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(FIELDS);
    mlt.setMinTermFreq(1); // a request names each thing once
    mlt.setMinDocFreq(2);
    mlt.setMaxDocFreqPct(MAX_DOC_FREQ_PERCENT);
    mlt.setMinWordLen(2); // "pt", "l4"
    mlt.setStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
    mlt.setBoost(true);
    Map<String, Collection<Object>> fields =
        Map.of(FIELDS[0], List.of(text), FIELDS[1], List.of(text));
    BooleanQuery.Builder kept = new BooleanQuery.Builder();
    for (BooleanClause clause : ((BooleanQuery) mlt.like(fields)).clauses()) {
      if (!isSmallNumber(clause.query())) {
        kept.add(clause);
      }
    }
    return kept.build();
  }

  /**
   * A term of one or two digits: in a request a count or a score ("6 weeks", "pain 8/10"), which
   * rationales are full of in other senses; longer numbers ("325" of Norco 10/325) stay.
   */
  private static boolean isSmallNumber(Query clause) {
    Query q = clause instanceof BoostQuery b ? b.getQuery() : clause;
    return q instanceof TermQuery t && isSmallNumber(t.getTerm().text());
  }

  /** A word of one or two digits (see {@link #isSmallNumber(Query)}). */
  public static boolean isSmallNumber(String word) {
    return word.matches("\\d{1,2}");
  }

  /** The query's terms with their boosts scaled so the heaviest weighs 1, heaviest first. */
  private static List<Precedents.WeightedTerm> weightedTerms(BooleanQuery like) {
    List<Precedents.WeightedTerm> terms = new ArrayList<>();
    float max = 0;
    for (BooleanClause clause : like.clauses()) {
      float boost = clause.query() instanceof BoostQuery b ? b.getBoost() : 1f;
      max = Math.max(max, boost);
    }
    for (BooleanClause clause : like.clauses()) {
      Query q = clause.query();
      float boost = 1f;
      if (q instanceof BoostQuery b) {
        boost = b.getBoost();
        q = b.getQuery();
      }
      if (q instanceof TermQuery t) {
        terms.add(
            new Precedents.WeightedTerm(
                t.getTerm().text(), t.getTerm().field(), max == 0 ? 0 : boost / max));
      }
    }
    terms.sort(Comparator.comparingDouble(Precedents.WeightedTerm::weight).reversed());
    return terms;
  }

  /**
   * The first {@code size} of {@code top} with its overturned decisions at least {@link
   * #PROMOTED_SHARE_OF_BEST} as similar as the best first, each part in score order.
   */
  private static ScoreDoc[] overturnedFirst(IndexSearcher searcher, ScoreDoc[] top, int size)
      throws IOException {
    List<ScoreDoc> overturned = new ArrayList<>();
    List<ScoreDoc> others = new ArrayList<>();
    float floor = top.length == 0 ? 0 : top[0].score * PROMOTED_SHARE_OF_BEST;
    for (ScoreDoc sd : top) {
      boolean promoted = sd.score >= floor && isOverturned(searcher, sd.doc);
      (promoted ? overturned : others).add(sd);
    }
    overturned.addAll(others);
    return overturned.subList(0, Math.min(size, overturned.size())).toArray(ScoreDoc[]::new);
  }

  /**
   * Whether decision {@code doc} was overturned, from the outcome's doc values: reading 50 stored
   * documents (each a compressed block) cost more than the search.
   */
  private static boolean isOverturned(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues outcomes =
        DocValues.getSortedSet(leaf.reader(), IndexField.OUTCOME.fieldName());
    if (!outcomes.advanceExact(doc - leaf.docBase)) {
      return false;
    }
    for (int i = 0; i < outcomes.docValueCount(); i++) {
      if (outcomes
          .lookupOrd(outcomes.nextOrd())
          .utf8ToString()
          .equals(Outcome.OVERTURNED.label())) {
        return true;
      }
    }
    return false;
  }

  /** The request's terms that decision {@code doc} has, heaviest first. */
  private static List<Precedents.WeightedTerm> why(
      IndexSearcher searcher, int doc, List<Precedents.WeightedTerm> terms) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    int local = doc - leaf.docBase;
    List<Precedents.WeightedTerm> shared = new ArrayList<>();
    Set<String> words = new HashSet<>(); // a word in both the item and the rationale: once
    for (Precedents.WeightedTerm term : terms) {
      if (shared.size() == WHY_TERMS) {
        break;
      }
      if (words.contains(term.term())) {
        continue;
      }
      PostingsEnum postings =
          leaf.reader().postings(new Term(term.field(), term.term()), PostingsEnum.NONE);
      if (postings != null && postings.advance(local) == local) {
        shared.add(term);
        words.add(term.term());
      }
    }
    return shared;
  }
}
