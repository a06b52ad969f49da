package org.imrsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.ingest.LetterFiles;
import org.imrsearch.model.ExtractionFailure;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.query.Filter;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchServices;
import org.imrsearch.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The Solr engine when the cluster fails: a collection of one shard with a replica on each of two
 * nodes keeps answering with the same counts while a node is down; an ingest then either completes
 * or names the letters that failed, and a re-run leaves every letter exactly once, as does an
 * ingest killed with SIGKILL and run again; a cluster that is all down is a 503 with the reason
 * within the query time limit, and the server answers again once it is back.
 */
@ResourceLock(SharedSolr.LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrFaultTest {
  private static final List<Path> SAMPLES =
      List.of(TestLetters.REAL_PDFS, TestLetters.SEED_LETTERS);

  private final ObjectMapper mapper = Json.newMapper();
  private LocalSolr cluster;
  private SolrEngine engine;
  private IngestReport first;

  @BeforeAll
  void collection() throws IOException, InterruptedException {
    cluster = SharedSolr.cluster();
    first = SharedSolr.ingest("faults", 1, 2, SAMPLES);
    assertTrue(first.allIndexed(), first.failed().toString());
    engine = SolrEngine.open(SharedSolr.options("faults"), ConfigSource.bundled(), mapper);
  }

  @AfterAll
  void close() throws IOException {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  @Order(1)
  void searchesAndRateTablesKeepTheirCountsWithANodeDown() throws IOException {
    SearchRequest therapy = SearchRequest.of("therapy");
    long total = engine.search(therapy).total();
    JsonNode rates =
        SharedSolr.untimed(
            mapper, engine.rates("", Map.of(), List.of(Filter.GUIDELINE, Filter.YEAR)));
    try {
      cluster.stopNodes(1);
      assertEquals(total, engine.search(therapy).total());
      assertEquals(
          rates,
          SharedSolr.untimed(
              mapper, engine.rates("", Map.of(), List.of(Filter.GUIDELINE, Filter.YEAR))));
      assertEquals(first.letters(), engine.health().letters());
    } finally {
      cluster.startNodes(1);
    }
  }

  @Test
  @Order(2)
  void anIngestWithANodeDownNamesWhatFailedAndARerunLeavesEveryLetterOnce()
      throws IOException, InterruptedException {
    IngestReport whileDown;
    try (SolrCollection c = SolrCollection.connect(SharedSolr.options("faults"), 60_000)) {
      cluster.stopNodes(1);
      whileDown = SharedSolr.ingest(c, SAMPLES);
    } finally {
      cluster.startNodes(1);
    }
    // Either way, every file is accounted for: indexed, or failed by name.
    assertEquals(first.files(), whileDown.letters() + whileDown.failed().size());
    for (ExtractionFailure f : whileDown.failed()) {
      assertTrue(f.error().startsWith("not indexed: "), f.toString());
    }
    try (SolrCollection c = SolrCollection.connect(SharedSolr.options("faults"), 60_000)) {
      IngestReport again = SharedSolr.ingest(c, SAMPLES);
      assertTrue(again.allIndexed(), again.failed().toString());
    }
    assertExactlyOnce();
  }

  @Test
  @Order(3)
  void reingestingALetterWithFewerDecisionsLeavesNoOrphans()
      throws IOException, InterruptedException {
    Letter many =
        letters().stream().filter(l -> l.decisions().size() >= 3).findFirst().orElseThrow();
    Letter fewer = many.withProse(many.caseSummary(), many.decisions().subList(0, 1), many.text());
    SearchRequest own = SearchRequest.of("letter_id:\"" + many.id() + "\"");
    try (SolrCollection c = SolrCollection.connect(SharedSolr.options("faults"), 60_000);
        SolrLetterWriter writer = new SolrLetterWriter(c, mapper)) {
      writer.put(fewer);
      writer.commit();
      assertEquals(1, engine.search(own).total());
      writer.put(many);
      writer.commit();
    }
    assertEquals(many.decisions().size(), engine.search(own).total());
    assertExactlyOnce();
  }

  @Test
  @Order(4)
  void anIngestKilledWithSigkillAndRunAgainLeavesEveryLetterOnce() throws Exception {
    // A real ingest in a JVM of its own, killed mid-way: no shutdown hook, no last commit.
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add("org.imrsearch.cli.Main");
    command.addAll(List.of("ingest", "--quiet", "--commit-seconds", "1"));
    SAMPLES.forEach(p -> command.add(p.toString()));
    command.addAll(
        List.of("--solr", String.join(",", cluster.nodeUrls()), "--collection", "faults"));
    command.addAll(List.of("--report", Path.of("target", "killed-ingest-report.json").toString()));
    Process ingest =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    // The child reads and sends letters for some seconds; kill it while it does.
    ingest.waitFor(4, TimeUnit.SECONDS);
    ingest.destroyForcibly();
    ingest.waitFor(30, TimeUnit.SECONDS);
    try (SolrCollection c = SolrCollection.connect(SharedSolr.options("faults"), 60_000)) {
      assertTrue(SharedSolr.ingest(c, SAMPLES).allIndexed());
    }
    assertExactlyOnce();
  }

  @Test
  @Order(99)
  void aClusterDownIsA503WithItsReasonAndTheServerAnswersOnceItIsBack() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (WebServer server = new WebServer(engine, mapper).start("127.0.0.1", 0)) {
      URI search = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=therapy");
      assertEquals(200, get(http, search).statusCode());
      HttpResponse<String> down;
      long millis;
      try {
        cluster.stopNodes(0, 1);
        long start = System.nanoTime();
        down = get(http, search);
        millis = (System.nanoTime() - start) / 1_000_000;
      } finally {
        cluster.startNodes(0, 1); // whatever failed above, the next test class finds the cluster up
      }
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().contains("Solr"), down.body());
      // Within the query time limit and the margin the engine allows for the answer to travel.
      long limit = SearchServices.QUERY_TIMEOUT.toMillis() + 1500;
      assertTrue(millis <= limit, "the 503 took " + millis + " ms, more than " + limit);
      int status = 0;
      for (int i = 0; i < 300 && status != 200; i++) {
        status = get(http, search).statusCode();
        if (status != 200) {
          Thread.sleep(200);
        }
      }
      assertEquals(200, status, "the server answers again once the cluster is back");
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The collection holds the sample letters once each: no duplicate, no orphan decision. */
  private void assertExactlyOnce() throws IOException {
    assertEquals(first.letters(), engine.health().letters());
    assertEquals(first.decisions(), engine.health().decisions());
    assertEquals(first.decisions(), engine.search(SearchRequest.of("")).total());
  }

  private static List<Letter> letters() throws InterruptedException {
    List<Letter> out = new ArrayList<>();
    TestLetters.pipeline()
        .run(
            LetterFiles.expand(SAMPLES),
            (Extraction e) -> {
              if (e.ok()) {
                out.add(e.letter());
              }
            });
    return out;
  }
}
