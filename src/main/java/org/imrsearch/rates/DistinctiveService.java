package org.imrsearch.rates;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.StoredText;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;
import org.imrsearch.search.InOrderStoredFields;
import org.imrsearch.search.IndexSearchers;
import org.imrsearch.search.TimeLimitException;

/**
 * Finds the distinctive words and two- and three-word phrases of the rationales of a selection:
 * each counted once per decision, ranked by Dunning's log-likelihood (G2) of being more frequent in
 * the foreground than in the background. Stop words and the letters' fixed formulas never start or
 * end a phrase. A selection larger than {@link #SAMPLE} decisions is read through a sample: its
 * best-ranked hits for a query, its first decisions otherwise; the answer says so.
 */
public final class DistinctiveService {
  /** Decisions read from a selection at most (and from the whole index, for {@code all}). */
  public static final int SAMPLE = 2000;

  /** A term must be in this many foreground decisions to count. */
  private static final int MIN_FOREGROUND = 3;

  private static final int TERMS = 40;

  private final IndexSearchers searchers;
  private final QuerySyntax syntax;
  private final Duration timeout;

  /** Words too common in every letter to say anything, beyond English stop words. */
  private final Set<String> boilerplate;

  /** The file of {@code index-config} that lists the letters' formulas ({@link #boilerplate}). */
  public static final String BOILERPLATE_FILE = "distinctive-stopwords.txt";

  public DistinctiveService(
      IndexSearchers searchers, QuerySyntax syntax, Duration timeout, Set<String> boilerplate) {
    this.boilerplate = Set.copyOf(boilerplate);
    this.searchers = searchers;
    this.syntax = syntax;
    this.timeout = timeout;
  }

  /** {@code against}: "outcome" (overturned against upheld) or "all" (selection against index). */
  public Distinctive distinctive(String query, Map<Filter, List<String>> filters, String against)
      throws IOException {
    boolean byOutcome = byOutcome(against);
    long start = System.nanoTime();
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher(timeout);
      Query selection =
          Filter.drillDown(
              searchers.facetsConfig(), syntax.parse(query, searcher), snapshot.asIndexed(filters));
      TopDocs top =
          query == null || query.isBlank()
              ? searcher.search(selection, SAMPLE, Sort.INDEXORDER)
              : searcher.search(selection, SAMPLE);
      long selected = searcher.count(selection);
      Set<String> fields =
          Set.of(IndexField.RATIONALE_SOURCE.fieldName(), IndexField.OUTCOME.fieldName());
      List<String> fore = new ArrayList<>();
      List<String> back = new ArrayList<>();
      // Read in index order: stored fields are compressed in chunks, and 2,000 hits in score
      // order decompressed the same chunks again and again (most of this view's time).
      ScoreDoc[] inOrder = top.scoreDocs.clone();
      Arrays.sort(inOrder, Comparator.comparingInt((ScoreDoc sd) -> sd.doc));
      for (Document d : read(searcher, fields, inOrder)) {
        boolean overturned =
            Outcome.OVERTURNED.label().equals(d.get(IndexField.OUTCOME.fieldName()));
        (byOutcome && !overturned ? back : fore).add(StoredText.rationale(d));
      }
      if (!byOutcome) {
        // The background: decisions spread evenly over the whole index.
        long decisions = searcher.count(QuerySyntax.decisions());
        int step = (int) Math.max(1, decisions / SAMPLE);
        ScoreDoc[] sample =
            searcher.search(QuerySyntax.decisions(), new EveryNth(step)).stream()
                .map(doc -> new ScoreDoc(doc, 0))
                .toArray(ScoreDoc[]::new);
        for (Document d : read(searcher, fields, sample)) {
          back.add(StoredText.rationale(d));
        }
      }
      if (searcher.timedOut()) {
        throw new TimeLimitException("the distinctive terms", timeout, "narrow the selection");
      }
      return rank(
          query,
          byOutcome,
          selected > top.scoreDocs.length || !byOutcome,
          selected,
          fore,
          back,
          boilerplate,
          start);
    }
  }

  /** The documents of {@code hits} (in index order), read in two halves side by side. */
  private List<Document> read(IndexSearcher searcher, Set<String> fields, ScoreDoc[] hits)
      throws IOException {
    return searchers
        .twoHalves()
        .read(
            hits.length,
            (from, to) ->
                Arrays.asList(
                    new InOrderStoredFields(searcher, fields)
                        .read(Arrays.copyOfRange(hits, from, to))));
  }

  /**
   * Whether {@code against} asks for overturned against upheld ("outcome", the default) or the
   * selection against the whole index ("all").
   *
   * @throws BadRequestException for anything else
   */
  public static boolean byOutcome(String against) {
    boolean byOutcome = against == null || against.isBlank() || against.equals("outcome");
    if (!byOutcome && !against.equals("all")) {
      throw new BadRequestException("against is 'outcome' or 'all', not '" + against + "'");
    }
    return byOutcome;
  }

  /**
   * The distinctive terms of the {@code foreground} rationales against the {@code background} ones,
   * whichever engine read them.
   *
   * @param sampled whether the rationales are a sample of the selection
   * @param selected the decisions the selection has
   */
  public static Distinctive rank(
      String query,
      boolean byOutcome,
      boolean sampled,
      long selected,
      List<String> foreground,
      List<String> background,
      Set<String> boilerplate,
      long startNanos) {
    PhraseCounts counts = new PhraseCounts(boilerplate);
    foreground.forEach(r -> counts.add(r, true));
    background.forEach(r -> counts.add(r, false));
    long n = counts.foregroundDocs();
    long m = counts.backgroundDocs();
    List<Distinctive.Term> terms = new ArrayList<>();
    counts.forEachTerm(
        id -> {
          int a = counts.foreground(id);
          int b = counts.background(id);
          if (a < MIN_FOREGROUND || (double) a / n <= (m == 0 ? 0 : (double) b / m)) {
            return;
          }
          String text = counts.term(id);
          terms.add(new Distinctive.Term(text, text.split(" ").length, a, b, g2(a, n, b, m)));
        });
    terms.sort(
        Comparator.comparingDouble(Distinctive.Term::score)
            .reversed()
            .thenComparing(Distinctive.Term::text));
    return new Distinctive(
        query,
        byOutcome ? "outcome" : "all",
        "log-likelihood G2",
        sampled,
        selected,
        n,
        m,
        terms.subList(0, Math.min(TERMS, terms.size())),
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Every {@code step}-th hit of each slice of segments: an even sample of a large set. */
  private record EveryNth(int step) implements CollectorManager<EveryNth.Sampler, List<Integer>> {
    @Override
    public Sampler newCollector() {
      return new Sampler(step);
    }

    @Override
    public List<Integer> reduce(Collection<Sampler> collectors) {
      List<Integer> docs = new ArrayList<>();
      collectors.forEach(c -> docs.addAll(c.docs));
      docs.sort(null);
      return docs;
    }

    static final class Sampler extends SimpleCollector {
      final List<Integer> docs = new ArrayList<>();
      private final int step;
      private int base;
      private long seen;

      Sampler(int step) {
        this.step = step;
      }

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        if (seen++ % step == 0) {
          docs.add(base + doc);
        }
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    }
  }

  /**
   * Dunning's G2 for a term in {@code a} of {@code n} foreground and {@code b} of {@code m}
   * background decisions.
   */
  static double g2(long a, long n, long b, long m) {
    double[][] observed = {{a, n - a}, {b, m - b}};
    double total = n + m;
    double present = a + b;
    double absent = total - present;
    double g = 0;
    double[] rows = {n, m};
    double[] cols = {present, absent};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double o = observed[i][j];
        double expected = rows[i] * cols[j] / total;
        if (o > 0 && expected > 0) {
          g += o * Math.log(o / expected);
        }
      }
    }
    return 2 * g;
  }
}
