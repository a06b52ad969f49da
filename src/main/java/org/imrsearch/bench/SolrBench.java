package org.imrsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.ingest.Ingester;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.solr.LocalSolr;
import org.imrsearch.solr.SolrCollection;
import org.imrsearch.solr.SolrEngine;
import org.imrsearch.solr.SolrLetterWriter;
import org.imrsearch.solr.SolrOptions;

/**
 * The same corpus, query mix and HTTP load on SolrCloud, beside the embedded engine's figures: a
 * local one-node cluster (its own JVM, as much heap as the embedded server's budget), then a
 * two-node cluster with a shard on each node. Both nodes share this machine's cores, so the second
 * measures what distributing a query costs, not how it scales.
 */
final class SolrBench {
  /** The embedded server's heap budget, so the engines are measured on the same footing. */
  private static final String HEAP = "2g";

  private static final String COLLECTION = "bench";

  private final Path work;
  private final int threads;
  private final ObjectMapper mapper;
  private final PrintStream log;

  SolrBench(Path work, int threads, ObjectMapper mapper, PrintStream log) {
    this.work = work;
    this.threads = threads;
    this.mapper = mapper;
    this.log = log;
  }

  /**
   * Ingests {@code files} into a cluster of {@code nodes} nodes and {@code shards} shards, runs the
   * query mix (and the HTTP load when {@code http} is not null), and puts every figure under {@code
   * prefix}.
   */
  void run(
      String prefix,
      int nodes,
      int shards,
      List<Path> files,
      long rawBytes,
      Figures f,
      HttpBench http,
      int clients,
      Duration httpDuration)
      throws Exception {
    Path dir = work.resolve("solr-" + prefix);
    Benchmark.deleteTree(dir);
    log.println("bench: " + prefix + ": starting a local SolrCloud of " + nodes + " node(s) ...");
    try (LocalSolr cluster = LocalSolr.start(nodes, dir, HEAP)) {
      SolrOptions options = new SolrOptions(cluster.nodeUrls(), COLLECTION, null, null, null);
      log.println("bench: " + prefix + ": ingesting ...");
      try (SolrCollection collection = SolrCollection.connect(options, 120_000)) {
        collection.setup(ConfigSource.bundled(), shards, 1);
        IngestReport report = ingest(collection, files);
        f.put(
            prefix + ".ingest.lettersPerSecond", report.letters() / report.seconds(), "letters/s");
        f.put(prefix + ".ingest.mbPerSecond", rawBytes / 1e6 / report.seconds(), "MB/s");
        f.put(prefix + ".ingest.seconds", report.seconds(), "s");
      }
      long indexBytes = treeSize(dir);
      f.put(prefix + ".index.sizeMB", indexBytes / 1e6, "MB");
      f.put(prefix + ".index.sizeToRawText", (double) indexBytes / rawBytes, "x");
      log.println("bench: " + prefix + ": queries ...");
      try (SolrEngine engine = SolrEngine.open(options, ConfigSource.bundled(), mapper)) {
        Figures mix = new Figures();
        new QueryBench(engine, files).run(mix);
        mix.values().forEach((k, v) -> f.put(prefix + "." + k, v, mix.unit(k)));
        if (http != null) {
          log.println("bench: " + prefix + ": HTTP ...");
          http.run(engine, prefix + ".http.searchMixUncached", f, clients, httpDuration);
        }
      }
    }
  }

  private IngestReport ingest(SolrCollection collection, List<Path> files)
      throws IOException, InterruptedException {
    ConfigSource config = ConfigSource.bundled();
    ExtractionPipeline pipeline =
        new ExtractionPipeline(
            new LetterFileReader(), new LetterExtractor(Vocabulary.load(config)), threads);
    try (SolrLetterWriter writer = new SolrLetterWriter(collection, mapper)) {
      return new Ingester(pipeline, writer, 1_000_000, Duration.ofSeconds(60))
          .ingest(files, Ingester.Progress.NONE);
    }
  }

  /**
   * Each query's median on every engine measured and the ratios: Solr (one node) against the
   * embedded engine, and two nodes against one.
   */
  static void ratios(Figures f) {
    for (String key : List.copyOf(f.values().keySet())) {
      if (!key.startsWith("queries.") || !key.endsWith(".p50Ms")) {
        continue;
      }
      ratio(f, "solr1." + key, key, "solr1VsEmbedded." + key);
      ratio(f, "solr2x2." + key, "solr1." + key, "solr2x2VsSolr1." + key);
    }
    ratio(f, "solr1.ingest.lettersPerSecond", "ingest.lettersPerSecond", "solr1VsEmbedded.ingest");
    ratio(
        f,
        "solr1.http.searchMixUncached.requestsPerSecond",
        "http.searchMixUncached.requestsPerSecond",
        "solr1VsEmbedded.http.searchMixUncached");
  }

  private static void ratio(Figures f, String over, String under, String name) {
    Map<String, Object> v = f.values();
    if (v.get(over) instanceof Number a
        && v.get(under) instanceof Number b
        && b.doubleValue() > 0) {
      f.put(name, a.doubleValue() / b.doubleValue(), "x");
    }
  }

  /**
   * The size of the collection's indexes on every node: the cores' {@code data/index} directories,
   * not the update logs (replayed and dropped) or ZooKeeper's data.
   */
  private static long treeSize(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getParent().getFileName().toString().startsWith("index"))
          .filter(p -> p.getParent().getParent().getFileName().toString().equals("data"))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }
}
