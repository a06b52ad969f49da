package org.imrsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.imrsearch.search.SearchServices;
import org.imrsearch.web.WebServer;

/**
 * Requests per second and latency of a search mix through the real server on loopback, with a
 * fixed number of concurrent clients (in the same JVM: on 2 cores the clients' own cost counts
 * against the server's figures, so these are a floor).
 */
final class HttpBench {
  private static final List<String> MIX = List.of(
      "/api/search?q=" + enc("\"objective functional improvement\""),
      "/api/search?q=" + enc("\"gym membership\""),
      "/api/search?q=" + enc("acupuncture sessions") + "&specialty=Family+Practice&year=2020",
      "/api/search?q=" + enc("mri -lumbar") + "&sort=date",
      "/api/search?q=" + enc("physical therapy") + "&outcome=overturned&page=2");

  private final SearchServices services;
  private final ObjectMapper mapper;

  HttpBench(SearchServices services, ObjectMapper mapper) {
    this.services = services;
    this.mapper = mapper;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  void run(Figures f, int clients, Duration duration) throws Exception {
    try (WebServer server = new WebServer(services, mapper).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
      load(http, base, clients, Duration.ofSeconds(3), new ConcurrentLinkedQueue<>()); // warm-up
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      long[] counts = load(http, base, clients, duration, latencies);
      f.put("http.searchMix.clients", clients, "clients");
      f.put("http.searchMix.requestsPerSecond", counts[0] / (double) duration.toSeconds(), "req/s");
      f.put("http.searchMix.errors", counts[1], "errors");
      f.put("http.searchMix", Percentiles.of(latencies.stream().mapToLong(Long::longValue).toArray()));
    }
  }

  private static long[] load(HttpClient http, String base, int clients, Duration duration, ConcurrentLinkedQueue<Long> latencies)
      throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(pool.submit(() -> {
        int i = client;
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + MIX.get(i++ % MIX.size()))).build(),
                HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies.add(System.nanoTime() - start);
          requests.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return new long[] {requests.get(), errors.get()};
  }
}
