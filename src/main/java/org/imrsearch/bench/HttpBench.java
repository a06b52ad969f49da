package org.imrsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imrsearch.engine.Engine;
import org.imrsearch.web.WebServer;

/**
 * Requests per second and latency of a search mix through the real server on loopback, with a fixed
 * number of concurrent connections. The load comes from wrk (a separate process written in C) when
 * it is installed, else from a Java client in this JVM, whose own cost then counts against the
 * server's figures.
 */
final class HttpBench {
  static final List<String> MIX =
      List.of(
          "/api/search?q=" + enc("\"objective functional improvement\""),
          "/api/search?q=" + enc("\"gym membership\""),
          "/api/search?q=" + enc("acupuncture sessions") + "&specialty=Family+Practice&year=2020",
          "/api/search?q=" + enc("mri -lumbar") + "&sort=date",
          "/api/search?q=" + enc("physical therapy") + "&outcome=overturned&page=2");
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private final ObjectMapper mapper;
  private final PrintStream log;

  HttpBench(ObjectMapper mapper, PrintStream log) {
    this.mapper = mapper;
    this.log = log;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Runs the mix against a server over {@code services}, writing figures under {@code name}. */
  void run(Engine services, String name, Figures f, int clients, Duration duration)
      throws Exception {
    try (WebServer server = new WebServer(services, mapper).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + server.port();
      f.put(name + ".clients", clients, "connections");
      if (wrkInstalled()) {
        f.put(name + ".loadTool", "wrk", "");
        wrk(base, clients, WARM_UP, null, null);
        wrk(base, clients, duration, f, name);
      } else {
        log.println(
            "bench: wrk is not installed (apt-get install wrk): using the in-process Java client");
        f.put(name + ".loadTool", "java-in-process", "");
        javaClient(base, clients, duration, f, name);
      }
    }
  }

  private static boolean wrkInstalled() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** wrk with a script that cycles through the mix; its report parsed into figures. */
  private void wrk(String base, int clients, Duration duration, Figures f, String name)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("imr-mix", ".lua");
    try {
      String paths =
          MIX.stream()
              .map(p -> "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
              .collect(Collectors.joining(", "));
      Files.writeString(
          script,
          "local paths = {"
              + paths
              + "}\n"
              + "local i = 0\n"
              + "request = function()\n"
              + "  i = i + 1\n"
              + "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\n"
              + "end\n");
      Process p =
          new ProcessBuilder(
                  "wrk",
                  "-t2",
                  "-c" + clients,
                  "-d" + duration.toSeconds() + "s",
                  "--latency",
                  "-s",
                  script.toString(),
                  base)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("wrk failed: " + out);
      }
      if (f != null) {
        parseWrk(out, f, name);
      }
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern WRK_PERCENTILE =
      Pattern.compile("^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern WRK_SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  static void parseWrk(String out, Figures f, String name) {
    Matcher rate = WRK_RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's report: " + out);
    }
    f.put(name + ".requestsPerSecond", Double.parseDouble(rate.group(1)), "req/s");
    Matcher pct = WRK_PERCENTILE.matcher(out);
    while (pct.find()) {
      double value = Double.parseDouble(pct.group(2));
      double ms =
          switch (pct.group(3)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
          };
      f.put(name + ".p" + pct.group(1) + "Ms", ms, "ms");
    }
    long errors = 0;
    Matcher non2xx = WRK_NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = WRK_SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    f.put(name + ".errors", errors, "errors");
  }

  private static void javaClient(
      String base, int clients, Duration duration, Figures f, String name) throws Exception {
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    load(http, base, clients, WARM_UP, new ConcurrentLinkedQueue<>());
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    long[] counts = load(http, base, clients, duration, latencies);
    f.put(name + ".requestsPerSecond", counts[0] / (double) duration.toSeconds(), "req/s");
    f.put(name + ".errors", counts[1], "errors");
    f.put(name, Percentiles.of(latencies.stream().mapToLong(Long::longValue).toArray()));
  }

  private static long[] load(
      HttpClient http,
      String base,
      int clients,
      Duration duration,
      ConcurrentLinkedQueue<Long> latencies)
      throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(
          pool.submit(
              () -> {
                int i = client;
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  try {
                    HttpResponse<Void> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + MIX.get(i++ % MIX.size())))
                                .build(),
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
