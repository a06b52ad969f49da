package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.LetterIndexWriter;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.ingest.Ingester;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.ingest.LetterFiles;
import org.imrsearch.model.Json;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server keeps answering while an ingest writes to its index, and sees the new letters within
 * seconds of each commit.
 */
class IngestWhileServingTest {
  private final ObjectMapper mapper = Json.newMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void searchesKeepAnsweringAndNewLettersAppearWithinSeconds(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    TestIndex.build(index, TestLetters.realPdfs().subList(0, 10));
    Path incoming = Files.createDirectories(dir.resolve("incoming"));
    LetterFileReader reader = new LetterFileReader();
    for (int i = 0; i < 400; i++) {
      Path pdf = TestLetters.realPdfs().get(10 + i % 100);
      String original = pdf.getFileName().toString().replace(".pdf", "");
      Files.writeString(
          incoming.resolve(String.format(Locale.ROOT, "l-%04d.txt", i)),
          reader.read(pdf).replace(original, String.format(Locale.ROOT, "CM98-%07d", i)));
    }
    try (SearchServices services = SearchServices.open(index, ConfigSource.bundled(), mapper);
        WebServer server = new WebServer(services, mapper).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + server.port();
      long before = health(base).get("letters").asLong();
      assertEquals(10, before);
      CompletableFuture<IngestReport> ingest =
          CompletableFuture.supplyAsync(
              () -> {
                try (Analyzers analyzers = Analyzers.load(ConfigSource.bundled());
                    LetterIndexWriter writer = LetterIndexWriter.open(index, analyzers, mapper)) {
                  // Paced at about 200 letters a second, so the run spans several commits and
                  // server
                  // refreshes whatever the speed of the machine.
                  LetterExtractor extractor = new LetterExtractor(TestLetters.vocabulary());
                  ExtractionPipeline paced =
                      new ExtractionPipeline(
                          file -> {
                            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                            return ExtractionPipeline.extract(reader, extractor, file);
                          },
                          2,
                          ExtractionPipeline.DEFAULT_LETTER_LIMIT);
                  return new Ingester(paced, writer, 1_000_000, Duration.ofMillis(500))
                      .ingest(LetterFiles.expand(List.of(incoming)), Ingester.Progress.NONE);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      List<Long> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> search =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/search?q=medically&size=5")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, search.statusCode(), search.body());
        seen.add(health(base).get("letters").asLong());
        if (ingest.isDone() && seen.getLast() == 410) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(400, ingest.get().letters());
      assertEquals(410L, seen.getLast(), "all new letters visible");
      assertTrue(
          seen.stream().anyMatch(n -> n > 10 && n < 410),
          "letters appeared while the ingest ran: " + seen);
      for (int i = 1; i < seen.size(); i++) {
        assertTrue(seen.get(i) >= seen.get(i - 1), "counts never go back: " + seen);
      }
    }
  }

  private JsonNode health(String base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return mapper.readTree(r.body());
  }
}
