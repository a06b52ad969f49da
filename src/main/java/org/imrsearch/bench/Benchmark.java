package org.imrsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.generate.CorpusWriter;
import org.imrsearch.generate.LetterGenerator;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.LetterIndexWriter;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.ingest.Ingester;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.ingest.LetterFiles;
import org.imrsearch.model.Json;
import org.imrsearch.search.ResultCache;
import org.imrsearch.search.SearchServices;

/**
 * The benchmark: on a generated corpus, measures ingest (text and PDF), the query kinds users run,
 * and the brute-force scan a user without an index falls back on, all in one run.
 */
public final class Benchmark {
  static final String RARE_PHRASE = "gym membership";
  static final String COMMON_PHRASE = "objective functional improvement";
  private static final int PDF_SAMPLE = 200;
  private static final int HTTP_CLIENTS = 16;
  private static final Duration HTTP_DURATION = Duration.ofSeconds(15);

  private final Path work;
  private final long letters;
  private final long seed;
  private final int threads;
  private final ObjectMapper mapper = Json.newMapper();

  private final boolean reuseIndex;
  private final boolean withSolr;

  /**
   * @param withSolr also measure SolrCloud on the same corpus (a local one-node cluster, then two
   *     nodes with two shards) and the ratios to the embedded engine
   */
  public Benchmark(
      Path work, long letters, long seed, int threads, boolean reuseIndex, boolean withSolr) {
    this.work = work;
    this.letters = letters;
    this.seed = seed;
    this.threads = threads;
    this.reuseIndex = reuseIndex;
    this.withSolr = withSolr;
  }

  public Figures run(PrintStream log) throws Exception {
    Figures f = new Figures();
    f.put("corpus.letters", letters, "letters");
    Path corpus = work.resolve("corpus-" + letters + "-seed" + seed);
    if (!Files.isDirectory(corpus)) {
      log.println("bench: generating " + letters + " letters into " + corpus + " ...");
      long start = System.nanoTime();
      new CorpusWriter(new LetterGenerator(seed, List.of()), 0).write(corpus, letters);
      f.put("generate.seconds", seconds(start), "s");
    }
    List<Path> files = LetterFiles.expand(List.of(corpus));
    long rawBytes = 0;
    for (Path p : files) {
      rawBytes += Files.size(p);
    }
    f.put("corpus.rawTextMB", rawBytes / 1e6, "MB");

    Path index = work.resolve("index-" + letters + "-seed" + seed);
    if (reuseIndex && Files.isDirectory(index)) {
      log.println("bench: reusing " + index + " (no ingest figures)");
      queries(files, index, f, log);
      return solr(files, rawBytes, f, log);
    }
    log.println("bench: ingesting ...");
    deleteTree(index);
    resetPeaks();
    IngestReport report = ingest(files, index, f);
    f.put("ingest.lettersPerSecond", report.letters() / report.seconds(), "letters/s");
    f.put("ingest.mbPerSecond", rawBytes / 1e6 / report.seconds(), "MB/s");
    f.put("ingest.seconds", report.seconds(), "s");
    f.put("ingest.decisions", report.decisions(), "decisions");
    f.put("ingest.peakHeapMB", peakHeap() / 1e6, "MB");
    long indexBytes = treeSize(index);
    f.put("index.sizeMB", indexBytes / 1e6, "MB");
    f.put("index.sizeToRawText", (double) indexBytes / rawBytes, "x");
    pdfIngest(f);

    log.println("bench: brute-force scan baseline ...");
    f.put("baseline.scanRarePhrase.ms", scanMillis(files, RARE_PHRASE), "ms");
    f.put("baseline.scanCommonPhrase.ms", scanMillis(files, COMMON_PHRASE), "ms");

    queries(files, index, f, log);
    return solr(files, rawBytes, f, log);
  }

  /** The same corpus and mix on SolrCloud, when asked for, with the ratios. */
  private Figures solr(List<Path> files, long rawBytes, Figures f, PrintStream log)
      throws Exception {
    if (!withSolr) {
      return f;
    }
    SolrBench solr = new SolrBench(work, threads, mapper, log);
    HttpBench http = new HttpBench(mapper, log);
    solr.run("solr1", 1, 1, files, rawBytes, f, http, HTTP_CLIENTS, HTTP_DURATION);
    solr.run("solr2x2", 2, 2, files, rawBytes, f, null, HTTP_CLIENTS, HTTP_DURATION);
    SolrBench.ratios(f);
    return f;
  }

  private Figures queries(List<Path> files, Path index, Figures f, PrintStream log)
      throws Exception {
    log.println("bench: queries ...");
    HttpBench http = new HttpBench(mapper, log);
    resetPeaks();
    // Without the result cache, so every iteration does the whole work of its query.
    try (SearchServices services = SearchServices.open(index, ConfigSource.bundled(), mapper, 0)) {
      new QueryBench(services, files).run(f);
      // What the open index keeps between queries (facet states, the values' bit sets), once
      // every query of the mix has run: it grows with the index, not with the queries.
      System.gc();
      f.put(
          "server.retainedHeapMB",
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6,
          "MB");
      if (f.values().containsKey("baseline.scanRarePhrase.ms")) {
        f.put(
            "queries.phraseRare.speedupOverScan",
            f.number("baseline.scanRarePhrase.ms") / f.number("queries.phraseRare.p50Ms"),
            "x");
        f.put(
            "queries.phraseCommon.speedupOverScan",
            f.number("baseline.scanCommonPhrase.ms") / f.number("queries.phraseCommon.p50Ms"),
            "x");
      }
      log.println("bench: HTTP, result cache off ...");
      http.run(services, "http.searchMixUncached", f, HTTP_CLIENTS, HTTP_DURATION);
    }
    // As served: popular requests are answered from the result cache until the index changes.
    try (SearchServices services = SearchServices.open(index, ConfigSource.bundled(), mapper)) {
      log.println("bench: HTTP, result cache on ...");
      http.run(services, "http.searchMix", f, HTTP_CLIENTS, HTTP_DURATION);
      ResultCache.Stats cache = services.cacheStats();
      f.put(
          "http.searchMix.cacheHitRatio",
          cache.hits() / (double) Math.max(1, cache.hits() + cache.misses()),
          "");
    }
    f.put("server.peakHeapMB", peakHeap() / 1e6, "MB");
    return f;
  }

  private IngestReport ingest(List<Path> files, Path index, Figures f)
      throws IOException, InterruptedException {
    ConfigSource config = ConfigSource.bundled();
    ExtractionPipeline pipeline =
        new ExtractionPipeline(
            new LetterFileReader(), new LetterExtractor(Vocabulary.load(config)), threads);
    long start = System.nanoTime();
    try (Analyzers analyzers = Analyzers.load(config);
        LetterIndexWriter writer = LetterIndexWriter.open(index, analyzers, mapper)) {
      boolean[] first = {true};
      return new Ingester(pipeline, writer, 1_000_000, Duration.ofSeconds(5))
          .ingest(
              files,
              new Ingester.Progress() {
                @Override
                public void update(int done, int total, int letters, int failed) {}

                @Override
                public void committed(int letters) {
                  if (first[0] && letters > 0) {
                    first[0] = false;
                    f.put("ingest.firstSearchableSeconds", seconds(start), "s");
                  }
                }
              });
    }
  }

  /** PDF letters per second, on a sample written as PDF. */
  private void pdfIngest(Figures f) throws IOException, InterruptedException {
    Path pdfs = work.resolve("pdf-sample-" + PDF_SAMPLE);
    if (!Files.isDirectory(pdfs)) {
      new CorpusWriter(new LetterGenerator(seed + 1, List.of()), 1.0).write(pdfs, PDF_SAMPLE);
    }
    Path index = Files.createTempDirectory(work, "pdf-index");
    try {
      IngestReport r = ingest(LetterFiles.expand(List.of(pdfs)), index, new Figures());
      f.put("ingest.pdfLettersPerSecond", r.letters() / r.seconds(), "letters/s");
    } finally {
      deleteTree(index);
    }
  }

  /** The floor of having no index: read every letter and look for the phrase, on all cores. */
  private long scanMillis(List<Path> files, String phrase) throws Exception {
    String needle = phrase.toLowerCase(Locale.ROOT);
    long start = System.nanoTime();
    long found =
        parallel(
            files,
            file -> {
              String text =
                  new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                      .toLowerCase(Locale.ROOT);
              return text.contains(needle) ? 1L : 0L;
            });
    if (found == 0) {
      throw new IllegalStateException(
          "the scan found no '" + phrase + "': the corpus is not what the benchmark expects");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private interface FileTask {
    long apply(Path file) throws Exception;
  }

  private long parallel(List<Path> files, FileTask task) throws Exception {
    List<Callable<Long>> parts = new ArrayList<>();
    int n = threads;
    for (int t = 0; t < n; t++) {
      int offset = t;
      parts.add(
          () -> {
            long sum = 0;
            for (int i = offset; i < files.size(); i += n) {
              sum += task.apply(files.get(i));
            }
            return sum;
          });
    }
    long total = 0;
    try (var pool = Executors.newFixedThreadPool(n)) {
      for (var future : pool.invokeAll(parts)) {
        total += future.get();
      }
    }
    return total;
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long treeSize(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
