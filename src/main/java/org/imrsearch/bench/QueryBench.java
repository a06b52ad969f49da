package org.imrsearch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.imrsearch.engine.Engine;
import org.imrsearch.query.Filter;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.PrecedentRequest;
import org.imrsearch.search.SearchRequest;

/** Each query kind after warm-up, many iterations, through the services (no HTTP). */
final class QueryBench {
  private static final int MIX_WARMUP_ROUNDS = 100;
  private static final int WARMUP = 30;
  private static final int ITERATIONS = 200;
  private static final int SLOW_ITERATIONS = 20;

  private final Engine services;
  private final List<Path> files;

  QueryBench(Engine services, List<Path> files) {
    this.services = services;
    this.files = files;
  }

  private interface Query {
    void run(int i) throws IOException;
  }

  void run(Figures f) throws IOException {
    SearchRequest rare =
        new SearchRequest(
            "\"" + Benchmark.RARE_PHRASE + "\"",
            Map.of(),
            SearchRequest.Sort.RELEVANCE,
            1,
            20,
            null);
    SearchRequest common =
        new SearchRequest(
            "\"" + Benchmark.COMMON_PHRASE + "\"",
            Map.of(),
            SearchRequest.Sort.RELEVANCE,
            1,
            20,
            null);
    SearchRequest filtered =
        new SearchRequest(
            "acupuncture sessions",
            Map.of(Filter.SPECIALTY, List.of("Family Practice"), Filter.YEAR, List.of("2020")),
            SearchRequest.Sort.RELEVANCE,
            1,
            20,
            null);
    SearchRequest broad =
        new SearchRequest("", Map.of(), SearchRequest.Sort.RELEVANCE, 1, 10, null);
    Random random = new Random(42);
    Map<String, Query> queries = new LinkedHashMap<>();
    queries.put("queries.phraseRare", i -> services.search(rare));
    queries.put("queries.phraseCommon", i -> services.search(common));
    queries.put("queries.wordsAndTwoFilters", i -> services.search(filtered));
    queries.put("queries.allFacetsBroad", i -> services.search(broad));
    queries.put(
        "queries.ratesByGuidelineWithText",
        i -> services.rates("therapy", Map.of(), List.of(Filter.GUIDELINE)));
    queries.put(
        "queries.ratesBySpecialtyWithText",
        i -> services.rates("therapy", Map.of(), List.of(Filter.SPECIALTY)));
    queries.put(
        "queries.ratesTwoWay",
        i -> services.rates("", Map.of(), List.of(Filter.GUIDELINE, Filter.YEAR)));
    queries.put(
        "queries.trendByMonthWithText",
        i -> services.rates("therapy", Map.of(), List.of(Filter.MONTH)));
    queries.put(
        "queries.compareWithText",
        i ->
            services.compare(
                "therapy",
                Map.of(),
                Map.of(Filter.GUIDELINE, List.of("MTUS")),
                Map.of(Filter.GUIDELINE, List.of("ODG"))));
    queries.put("queries.timeToDecisionByYear", i -> services.times("", Map.of(), Filter.YEAR));
    // A request pasted as written, in the generated letters' own words; the ten closest,
    // overturned ones first (the page's default).
    PrecedentRequest precedents =
        new PrecedentRequest(
            "lumbar epidural steroid injection at L4-L5, radiculopathy on MRI, failed 6 weeks of"
                + " physical therapy",
            Map.of(),
            PrecedentRequest.Order.OVERTURNED_FIRST,
            PrecedentRequest.DEFAULT_SIZE);
    queries.put("queries.precedents", i -> services.precedents(precedents));
    queries.put(
        "queries.letterFetch",
        i -> services.letter(id(files.get(random.nextInt(files.size()))), null));
    // A server has answered many queries of every kind before the ones that count: the whole
    // mix first, in turn, so the JIT has compiled the search code. With only each query's own
    // 30 warm-up runs, the first query measured was still being compiled.
    for (int round = 0; round < MIX_WARMUP_ROUNDS; round++) {
      for (Query q : queries.values()) {
        q.run(round);
      }
    }
    for (Map.Entry<String, Query> q : queries.entrySet()) {
      f.put(q.getKey(), time(q.getValue(), ITERATIONS));
    }
    f.put(
        "queries.export10k",
        time(
            i ->
                services
                    .export("", Map.of(), ExportService.Format.CSV, 10_000, "")
                    .writeTo(OutputStream.nullOutputStream()),
            SLOW_ITERATIONS));
    f.put(
        "queries.distinctiveCommonPhrase",
        time(
            i -> services.distinctive("\"" + Benchmark.COMMON_PHRASE + "\"", Map.of(), "outcome"),
            SLOW_ITERATIONS));
    f.put("queries.phraseCommon.total", services.search(common).total(), "decisions");
    f.put("queries.phraseRare.total", services.search(rare).total(), "decisions");
  }

  private static String id(Path file) {
    return file.getFileName().toString().replace(".txt", "");
  }

  private static Percentiles time(Query q, int iterations) throws IOException {
    for (int i = 0; i < Math.min(WARMUP, iterations); i++) {
      q.run(i);
    }
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      q.run(i);
      nanos[i] = System.nanoTime() - start;
    }
    return Percentiles.of(nanos);
  }
}
