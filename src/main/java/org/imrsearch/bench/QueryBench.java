package org.imrsearch.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.Filter;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchServices;

/** Each query kind after warm-up, many iterations, through the services (no HTTP). */
final class QueryBench {
  private static final int WARMUP = 30;
  private static final int ITERATIONS = 200;
  private static final int SLOW_ITERATIONS = 20;

  private final SearchServices services;
  private final List<Path> files;

  QueryBench(SearchServices services, List<Path> files) {
    this.services = services;
    this.files = files;
  }

  private interface Query {
    void run(int i) throws IOException;
  }

  void run(Figures f) throws IOException {
    SearchRequest rare = new SearchRequest("\"" + Benchmark.RARE_PHRASE + "\"", Map.of(), SearchRequest.Sort.RELEVANCE, 1, 20, null);
    SearchRequest common = new SearchRequest("\"" + Benchmark.COMMON_PHRASE + "\"", Map.of(), SearchRequest.Sort.RELEVANCE, 1, 20, null);
    SearchRequest filtered = new SearchRequest("acupuncture sessions",
        Map.of(Filter.SPECIALTY, List.of("Family Practice"), Filter.YEAR, List.of("2020")), SearchRequest.Sort.RELEVANCE, 1, 20, null);
    SearchRequest broad = new SearchRequest("", Map.of(), SearchRequest.Sort.RELEVANCE, 1, 10, null);
    f.put("queries.phraseRare", time(i -> services.search().search(rare), ITERATIONS));
    f.put("queries.phraseCommon", time(i -> services.search().search(common), ITERATIONS));
    f.put("queries.wordsAndTwoFilters", time(i -> services.search().search(filtered), ITERATIONS));
    f.put("queries.allFacetsBroad", time(i -> services.search().search(broad), ITERATIONS));
    f.put("queries.ratesByGuidelineWithText", time(i -> services.rates().rates("therapy", Map.of(), List.of(Filter.GUIDELINE)), ITERATIONS));
    f.put("queries.ratesBySpecialtyWithText", time(i -> services.rates().rates("therapy", Map.of(), List.of(Filter.SPECIALTY)), ITERATIONS));
    f.put("queries.ratesTwoWay", time(i -> services.rates().rates("", Map.of(), List.of(Filter.GUIDELINE, Filter.YEAR)), ITERATIONS));
    Random random = new Random(42);
    f.put("queries.letterFetch", time(i -> services.letters().letter(id(files.get(random.nextInt(files.size()))), null), ITERATIONS));
    f.put("queries.export10k", time(i -> services.export().prepare("", Map.of(), ExportService.Format.CSV, 10_000).writeTo(OutputStream.nullOutputStream()),
        SLOW_ITERATIONS));
    f.put("queries.phraseCommon.total", services.search().search(common).total(), "decisions");
    f.put("queries.phraseRare.total", services.search().search(rare).total(), "decisions");
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
