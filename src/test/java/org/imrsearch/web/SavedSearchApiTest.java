package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Outcome;
import org.imrsearch.saved.SavedSearchStore;
import org.imrsearch.saved.SavedSearches;
import org.imrsearch.search.SearchServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/saved-searches} over the real letters, ingested in three batches while the server
 * runs: who may write, and each search's Atom feed read back with ROME.
 */
class SavedSearchApiTest {
  private static final String TOKEN = "correct-horse-battery-staple";
  private static final String OVERTURNED_BODY =
      "{\"name\":\"Overturned\",\"q\":\"\",\"filters\":{\"outcome\":[\"overturned\"]}}";

  private final ObjectMapper mapper = Json.newMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Path> letters = TestLetters.realPdfs();

  @TempDir Path dir;
  private Path index;
  private SearchServices services;
  private SavedSearches saved;
  private WebServer server;

  @BeforeEach
  void start() throws IOException, InterruptedException {
    index = dir.resolve("index");
    TestIndex.build(index, letters.subList(0, 40)); // the first batch: letters before any search
    services = SearchServices.open(index, ConfigSource.bundled(), mapper, 0);
    saved = new SavedSearches(SavedSearchStore.beside(index, mapper), services);
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    server =
        new WebServer(services, mapper, saved, WriteAccess.fromTokenFile(tokenFile))
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    saved.close();
    services.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode list() throws IOException, InterruptedException {
    HttpResponse<String> r = send("GET", "/api/saved-searches", null, null);
    assertEquals(200, r.statusCode());
    return mapper.readTree(r.body());
  }

  private Feed feed(long id) throws Exception {
    HttpResponse<String> r = send("GET", "/api/saved-searches/" + id + "/feed", null, null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));
    return (Feed) new WireFeedInput().build(new StringReader(r.body()));
  }

  private static List<String> entryIds(Feed feed) {
    return feed.getEntries().stream().map(Entry::getId).toList();
  }

  /** The feed entry ids of the overturned decisions of {@code batch}, in letter order. */
  private static Set<String> overturnedIds(List<Letter> batch) {
    Set<String> ids = new HashSet<>();
    for (Letter l : batch) {
      int n = 0;
      for (Decision d : l.decisions()) {
        n++;
        if (d.outcome() == Outcome.OVERTURNED) {
          ids.add("urn:imr-search:decision:" + l.id() + ":" + n);
        }
      }
    }
    return ids;
  }

  /** Waits for the server's next refresh to show letters committed by an ingest beside it. */
  private List<String> feedOnceItHas(long id, int entries) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> ids = entryIds(feed(id));
    while (ids.size() < entries && System.nanoTime() < deadline) {
      Thread.sleep(100);
      ids = entryIds(feed(id));
    }
    return ids;
  }

  @Test
  void aFeedListsEachDecisionAddedSinceTheSearchWasSavedOnceNewestFirst() throws Exception {
    HttpResponse<String> created = send("POST", "/api/saved-searches", OVERTURNED_BODY, TOKEN);
    assertEquals(201, created.statusCode(), created.body());
    long id = mapper.readTree(created.body()).get("id").asLong();
    Feed empty = feed(id);
    assertEquals("urn:imr-search:saved-search:" + id, empty.getId());
    assertEquals("imr-search: Overturned", empty.getTitleEx().getValue());
    assertEquals(List.of(), empty.getEntries(), "the letters indexed before it are not new");

    Set<String> second = overturnedIds(TestIndex.build(index, letters.subList(100, 130)));
    // Files 101-130 have 12 overturned decisions: 6 of CM17-0010420's (pre-op tests, Norco,
    // Colace), 2 of CM17-0010885 (acupuncture, physical therapy), one each of CM17-0012582,
    // CM17-0012640, CM17-0015218 and CM17-0015348.
    assertEquals(12, second.size());
    List<String> afterSecond = feedOnceItHas(id, second.size());
    assertEquals(second, Set.copyOf(afterSecond));
    assertEquals(afterSecond, entryIds(feed(id)), "polling again: the same entries, same ids");

    Set<String> third = overturnedIds(TestIndex.build(index, letters.subList(130, 144)));
    assertTrue(!third.isEmpty());
    List<String> afterThird = feedOnceItHas(id, second.size() + third.size());
    assertEquals(second.size() + third.size(), afterThird.size(), "no entry twice: " + afterThird);
    assertEquals(third, Set.copyOf(afterThird.subList(0, third.size())), "newest first");
    assertEquals(second, Set.copyOf(afterThird.subList(third.size(), afterThird.size())));
    Entry newest = feed(id).getEntries().get(0);
    assertTrue(newest.getTitle().endsWith(": overturned"), newest.getTitle());
    assertTrue(
        newest.getAlternateLinks().get(0).getHref().contains("/letter.html?id="),
        newest.getAlternateLinks().get(0).getHref());
  }

  @Test
  void aSearchSavedLaterListsOnlyWhatCameAfterIt() throws Exception {
    TestIndex.build(index, letters.subList(100, 130));
    Thread.sleep(1500); // the server sees the second batch before the search is saved
    String body =
        "{\"name\":\"Physical therapy\",\"q\":\"\\\"physical therapy\\\"\",\"filters\":{}}";
    long id =
        mapper.readTree(send("POST", "/api/saved-searches", body, TOKEN).body()).get("id").asLong();
    assertEquals(List.of(), feed(id).getEntries());
  }

  @Test
  void writesWithTheRightTokenSaveRenameAndDelete() throws Exception {
    long id =
        mapper
            .readTree(send("POST", "/api/saved-searches", OVERTURNED_BODY, TOKEN).body())
            .get("id")
            .asLong();
    HttpResponse<String> renamed =
        send("PATCH", "/api/saved-searches/" + id, "{\"name\":\"Approved on appeal\"}", TOKEN);
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals("Approved on appeal", list().get(0).get("name").asText());
    assertEquals("overturned", list().get(0).get("filters").get("outcome").get(0).asText());
    assertEquals(204, send("DELETE", "/api/saved-searches/" + id, null, TOKEN).statusCode());
    assertEquals(0, list().size());
    assertEquals(404, send("GET", "/api/saved-searches/" + id + "/feed", null, null).statusCode());
  }

  @Test
  void aWrongOrMissingTokenIs401AndChangesNothing() throws Exception {
    long id =
        mapper
            .readTree(send("POST", "/api/saved-searches", OVERTURNED_BODY, TOKEN).body())
            .get("id")
            .asLong();
    JsonNode before = list();
    List<HttpResponse<String>> refused = new ArrayList<>();
    for (String token : new String[] {"wrong", null}) {
      refused.add(send("POST", "/api/saved-searches", OVERTURNED_BODY, token));
      refused.add(send("PATCH", "/api/saved-searches/" + id, "{\"name\":\"x\"}", token));
      refused.add(send("DELETE", "/api/saved-searches/" + id, null, token));
    }
    for (HttpResponse<String> r : refused) {
      assertEquals(401, r.statusCode(), r.body());
      assertTrue(mapper.readTree(r.body()).get("message").asText().contains("token"));
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
      assertTrue(!r.body().contains(TOKEN));
    }
    assertEquals(before, list());
  }

  @Test
  void badRequestsSayWhatToFix() throws Exception {
    HttpResponse<String> noName =
        send("POST", "/api/saved-searches", "{\"name\":\" \",\"q\":\"mri\"}", TOKEN);
    assertEquals(400, noName.statusCode());
    HttpResponse<String> badFilter =
        send(
            "POST",
            "/api/saved-searches",
            "{\"name\":\"x\",\"filters\":{\"colour\":[\"red\"]}}",
            TOKEN);
    assertEquals(400, badFilter.statusCode());
    assertTrue(badFilter.body().contains("colour"), badFilter.body());
    HttpResponse<String> badQuery =
        send("POST", "/api/saved-searches", "{\"name\":\"x\",\"q\":\"\\\"unclosed\"}", TOKEN);
    assertEquals(400, badQuery.statusCode(), badQuery.body());
    assertEquals(400, send("POST", "/api/saved-searches", "not json", TOKEN).statusCode());
    assertEquals(0, list().size());
  }

  @Test
  void withoutATokenFileThisMachineMayWrite() throws Exception {
    try (WebServer local =
        new WebServer(services, mapper, saved, WriteAccess.loopbackOnly()).start("127.0.0.1", 0)) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + local.port() + "/api/saved-searches"))
                  .POST(HttpRequest.BodyPublishers.ofString(OVERTURNED_BODY))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r.body());
    }
    assertEquals(1, list().size());
  }
}
