package org.imrsearch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imrsearch.bench.Benchmark;
import org.imrsearch.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imr bench}: ingest, query, HTTP and brute-force-scan figures on a generated corpus. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Generates (once) a synthetic corpus, ingests it, and measures ingest, queries (p50/p95/p99"
          + " after",
      "warm-up), HTTP throughput with 16 clients and a brute-force scan baseline, printing a table."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--letters", description = "Corpus size (default: ${DEFAULT-VALUE}).")
  long letters = 100_000;

  @Option(names = "--seed", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Where the corpus and index go (default: ${DEFAULT-VALUE}).")
  Path work = Path.of(System.getProperty("imr.home", "."), "data", "bench");

  @Option(names = "--threads", description = "Ingest threads (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--reuse-index",
      description =
          "Measure queries and HTTP on the index a previous run left (no ingest or scan figures).")
  boolean reuseIndex;

  /** Which engines the bench measures. */
  enum Engines {
    EMBEDDED,
    BOTH
  }

  @Option(
      names = "--engine",
      description =
          "embedded, or both: also ingest the corpus into a local SolrCloud (one node, then two"
              + " nodes with two shards) and run the same mix, printing each figure's ratio"
              + " (default: ${DEFAULT-VALUE}).")
  Engines engines = Engines.EMBEDDED;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    var figures =
        new Benchmark(work, letters, seed, threads, reuseIndex, engines == Engines.BOTH)
            .run(System.err);
    System.out.print(figures.table());
    if (json != null) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("date", LocalDate.now().toString());
      out.put(
          "machine",
          Runtime.getRuntime().availableProcessors()
              + " cores, max heap "
              + Runtime.getRuntime().maxMemory() / (1 << 20)
              + " MB, Java "
              + Runtime.version());
      out.put("figures", figures.values());
      Json.newMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), out);
    }
    return 0;
  }
}
