package org.imrsearch.solr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.ingest.Ingester;
import org.imrsearch.model.Json;

/**
 * The one local SolrCloud of a test run: two nodes, started once per test JVM (about 15 s) and
 * stopped with it, shared by the Solr engine's test classes. Under {@code bin/imr test}, which
 * builds the solr-local module, it must start; run alone from an IDE without the module, the tests
 * are skipped with a message.
 */
final class SharedSolr {
  /**
   * The lock every class that uses this cluster holds while it runs: classes run two at a time, and
   * a class stopping a node must not pull it from under another's search.
   */
  static final String LOCK = "solr-cluster";

  private static LocalSolr cluster;

  private SharedSolr() {}

  static synchronized LocalSolr cluster() throws IOException {
    boolean required = !System.getProperty(LocalSolr.CLASSPATH_PROPERTY, "").isBlank();
    assumeTrue(
        required || LocalSolr.isAvailable(),
        "solr-local is not built (run 'bin/imr test' or 'bin/imr solr-local' once): skipped");
    if (cluster == null) {
      cluster = LocalSolr.start(2, null);
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "solr-local-stop"));
    }
    return cluster;
  }

  /** Options for {@code collection} on the shared cluster, through every node. */
  static SolrOptions options(String collection) throws IOException {
    return new SolrOptions(cluster().nodeUrls(), collection, null, null, null);
  }

  /** Creates {@code collection} and ingests {@code inputs} into it, as {@code imr ingest} does. */
  static IngestReport ingest(String collection, int shards, int replicas, List<Path> inputs)
      throws IOException, InterruptedException {
    try (SolrCollection c = SolrCollection.connect(options(collection), 120_000)) {
      c.setup(ConfigSource.bundled(), shards, replicas);
      return ingest(c, inputs);
    }
  }

  static IngestReport ingest(SolrCollection c, List<Path> inputs)
      throws IOException, InterruptedException {
    try (SolrLetterWriter writer = new SolrLetterWriter(c, Json.newMapper())) {
      return new Ingester(TestLetters.pipeline(), writer, 1000, Duration.ofMinutes(1))
          .ingest(inputs, Ingester.Progress.NONE);
    }
  }

  /** {@code value} as JSON without how long it took or whether it was cached: the rest agrees. */
  static JsonNode untimed(ObjectMapper mapper, Object value) {
    JsonNode node = mapper.valueToTree(value);
    if (node instanceof ObjectNode o) {
      o.remove("took");
      o.remove("cached");
    }
    return node;
  }
}
