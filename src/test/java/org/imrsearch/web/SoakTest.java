package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.model.Json;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A bounded soak on loopback: 64 concurrent clients run a mix of searches, facet filters, overturn
 * rates, letters and similar decisions against the real server. Zero errors, bounded latency, flat
 * heap. Runs 10 s by default (the CI form); {@code -Dimr.soak.seconds=60} for the full soak.
 */
@Isolated // measures the heap and latency of the whole JVM
@Tag("soak")
class SoakTest {
  private static final int CLIENTS = 64;
  private static final List<String> QUERIES =
      List.of(
          "\"objective functional improvement\"",
          "acupuncture",
          "mri -lumbar",
          "\"red flag\"~2",
          "physical therapy",
          "tramadol OR norco",
          "inject*",
          "acupunture~",
          "summary:fracture",
          "outcome:overturned",
          "esi",
          "");
  private static final List<String> FILTERS =
      List.of(
          "",
          "&specialty=Family+Practice",
          "&guideline=ODG",
          "&outcome=overturned",
          "&specialty=Internal+Medicine&specialty=Orthopedic+Surgery",
          "&treatment=Imaging&year=2017");
  private static final List<String> GROUPINGS =
      List.of("guideline", "specialty", "treatment", "year", "citation", "guideline,year");

  @Test
  void theServerStaysCorrectUnderConcurrentMixedLoad(@TempDir Path dir) throws Exception {
    long seconds = Long.getLong("imr.soak.seconds", 10);
    TestIndex.build(dir.resolve("index"), List.of(TestLetters.REAL_PDFS));
    List<String> letterIds =
        TestLetters.realPdfs().stream()
            .map(p -> p.getFileName().toString().replace(".pdf", ""))
            .toList();
    ObjectMapper mapper = Json.newMapper();
    try (SearchServices services =
            SearchServices.open(dir.resolve("index"), ConfigSource.bundled(), mapper);
        WebServer server = new WebServer(services, mapper).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      run(
          http,
          base,
          letterIds,
          3,
          new ConcurrentLinkedQueue<>(),
          new ConcurrentLinkedQueue<>()); // warm-up
      long heapBefore = usedHeapAfterGc(memory);

      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      long requests = run(http, base, letterIds, seconds, latencies, errors);
      long heapAfter = usedHeapAfterGc(memory);

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      double p50 = sorted.get(sorted.size() / 2) / 1e6;
      double p99 = sorted.get((int) (sorted.size() * 0.99)) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "soak: %d s, %d clients, %d requests (%.0f/s), %d errors, p50 %.1f ms, p99 %.1f ms, "
              + "heap after GC %d MB -> %d MB%n",
          seconds,
          CLIENTS,
          requests,
          requests / (double) seconds,
          errors.size(),
          p50,
          p99,
          heapBefore >> 20,
          heapAfter >> 20);
      assertEquals(List.of(), errors.stream().limit(10).toList(), "no request may fail");
      assertTrue(p99 < 2000, "p99 latency stays bounded: " + p99 + " ms");
      assertTrue(
          heapAfter - heapBefore < 128L << 20,
          "heap stays flat: " + (heapBefore >> 20) + " -> " + (heapAfter >> 20) + " MB");
    }
  }

  /**
   * Runs the mixed workload with {@link #CLIENTS} clients for {@code seconds}; returns the number
   * of requests.
   */
  private static long run(
      HttpClient http,
      String base,
      List<String> letterIds,
      long seconds,
      ConcurrentLinkedQueue<Long> latencies,
      ConcurrentLinkedQueue<String> errors)
      throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong count = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Random random = new Random(c);
      running.add(
          clients.submit(
              () -> {
                while (System.nanoTime() < end) {
                  String path = request(random, letterIds);
                  long start = System.nanoTime();
                  try {
                    HttpResponse<Void> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      errors.add(r.statusCode() + " " + path);
                    }
                  } catch (Exception e) {
                    errors.add(e + " " + path);
                  }
                  latencies.add(System.nanoTime() - start);
                  count.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    clients.shutdown();
    return count.get();
  }

  private static String request(Random random, List<String> letterIds) {
    String q =
        URLEncoder.encode(QUERIES.get(random.nextInt(QUERIES.size())), StandardCharsets.UTF_8);
    String filters = FILTERS.get(random.nextInt(FILTERS.size()));
    return switch (random.nextInt(10)) {
      case 0, 1, 2, 3, 4 ->
          "/api/search?q="
              + q
              + filters
              + "&page="
              + (1 + random.nextInt(2))
              + (random.nextBoolean() ? "&sort=date" : "");
      case 5, 6 ->
          "/api/stats/overturn-rates?by="
              + GROUPINGS.get(random.nextInt(GROUPINGS.size()))
              + "&q="
              + q
              + filters;
      case 7 -> "/api/letters/" + letterIds.get(random.nextInt(letterIds.size())) + "?q=" + q;
      case 8 -> "/api/letters/" + letterIds.get(random.nextInt(letterIds.size())) + "/similar";
      default -> "/api/health";
    };
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
