package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.TestServer;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/letters/{id}/original} over real letters ingested from a directory: the file as
 * it was ingested, and nothing else. Files are then moved, changed and swapped for symlinks out of
 * the ingested directory, each of which must be refused with a clear message, never served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginalLetterTest {
  private static final List<String> PDFS =
      List.of(
          "CM16-0213037.pdf",
          "CM16-0219557.pdf",
          "CM16-0221706.pdf",
          "CM16-0224814.pdf",
          "CM16-0228949.pdf");

  private final ObjectMapper mapper = Json.newMapper();
  private final Map<String, Path> fileOf = new HashMap<>();
  private final Map<String, String> idOf = new HashMap<>();
  private Path letters;
  private Path outside;
  private TestServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException, InterruptedException {
    letters = Files.createDirectories(dir.resolve("letters"));
    outside = Files.createDirectories(dir.resolve("outside"));
    for (String name : PDFS) {
      Files.copy(TestLetters.REAL_PDFS.resolve(name), letters.resolve(name));
    }
    Files.copy(TestLetters.SEED_LETTERS.resolve("seed-1.txt"), letters.resolve("seed-1.txt"));
    // A letter that lives outside the ingested directory, reached through a symlink inside it.
    Path real =
        Files.copy(TestLetters.REAL_PDFS.resolve("CM16-0230548.pdf"), outside.resolve("x.pdf"));
    Files.createSymbolicLink(letters.resolve("CM16-0230548.pdf"), real);
    for (Letter letter : TestIndex.build(dir.resolve("index"), List.of(letters))) {
      String name = Path.of(letter.source()).getFileName().toString();
      idOf.put(name, letter.id());
      fileOf.put(letter.id(), letters.resolve(name));
    }
    server = TestServer.over(dir.resolve("index"), mapper);
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return server.get(path);
  }

  private HttpResponse<byte[]> original(String fileName) throws IOException, InterruptedException {
    return get("/api/letters/" + idOf.get(fileName) + "/original");
  }

  private JsonNode errorOf(HttpResponse<byte[]> response) throws IOException {
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return mapper.readTree(response.body());
  }

  @Test
  void theLetterApiShowsTheOriginalsNameSizeAndSha256AndWhereToOpenIt() throws Exception {
    String id = idOf.get("CM16-0213037.pdf");
    byte[] bytes = Files.readAllBytes(letters.resolve("CM16-0213037.pdf"));
    JsonNode view = mapper.readTree(get("/api/letters/" + id).body()).get("original");
    assertEquals("CM16-0213037.pdf", view.get("fileName").asText());
    assertEquals(bytes.length, view.get("bytes").asLong());
    assertEquals(SourceFile.sha256(bytes), view.get("sha256").asText());
    assertEquals("/api/letters/" + id + "/original", view.get("href").asText());
    assertFalse(view.toString().contains(letters.toString()), "no server directory in the view");
  }

  @Test
  void aPdfLetterIsServedInlineAsTheBytesThatWereIngested() throws Exception {
    HttpResponse<byte[]> response = original("CM16-0213037.pdf");
    assertEquals(200, response.statusCode());
    assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
    String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
    assertTrue(disposition.startsWith("inline; filename=\"CM16-0213037.pdf\""), disposition);
    assertArrayEquals(Files.readAllBytes(letters.resolve("CM16-0213037.pdf")), response.body());
    assertEquals(
        List.of(ApiController.ORIGINAL_POLICY),
        response.headers().allValues("Content-Security-Policy"),
        "no script runs in the document; the viewer may embed the file");
  }

  @Test
  void aTextLetterIsServedAsUtf8Text() throws Exception {
    HttpResponse<byte[]> response = original("seed-1.txt");
    assertEquals(200, response.statusCode());
    assertEquals(
        "text/plain;charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    assertArrayEquals(Files.readAllBytes(letters.resolve("seed-1.txt")), response.body());
  }

  @Test
  void anUnknownIdIs404WithAJsonError() throws Exception {
    HttpResponse<byte[]> response = get("/api/letters/CM00-0000000/original");
    assertEquals(404, response.statusCode());
    assertTrue(errorOf(response).get("message").asText().contains("no letter with id"));
  }

  @Test
  void aPathInTheIdIsOnlyAnUnknownId() throws Exception {
    for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..")) {
      HttpResponse<byte[]> response = get("/api/letters/" + id + "/original");
      assertEquals(404, response.statusCode(), id);
      assertFalse(new String(response.body()).contains("root:"), id);
    }
  }

  @Test
  void aLetterIngestedThroughASymlinkOutOfTheDirectoryIsNotServed() throws Exception {
    HttpResponse<byte[]> response = original("CM16-0230548.pdf");
    assertEquals(404, response.statusCode());
    assertTrue(
        errorOf(response).get("message").asText().contains("not inside the directories"),
        new String(response.body()));
  }

  @Test
  void aFileReplacedByASymlinkOutOfTheDirectoryIsNotServedEvenWithTheSameBytes() throws Exception {
    Path file = letters.resolve("CM16-0221706.pdf");
    Path copy = Files.copy(file, outside.resolve("same-bytes.pdf"));
    Files.delete(file);
    Files.createSymbolicLink(file, copy);
    HttpResponse<byte[]> response = original("CM16-0221706.pdf");
    assertEquals(404, response.statusCode());
    assertTrue(errorOf(response).get("message").asText().contains("not inside the directories"));
  }

  @Test
  void aChangedFileIs409AndSaysItChangedInsteadOfServingIt() throws Exception {
    Path file = letters.resolve("CM16-0224814.pdf");
    byte[] before = Files.readAllBytes(file);
    // The same size, one byte different: only the SHA-256 can tell.
    byte[] after = before.clone();
    after[after.length / 2] ^= 1;
    Files.write(file, after);
    HttpResponse<byte[]> response = original("CM16-0224814.pdf");
    assertEquals(409, response.statusCode());
    assertTrue(
        errorOf(response)
            .get("message")
            .asText()
            .contains("the file changed since it was ingested"));
    // Grown by a byte: the size tells.
    Files.write(file, before);
    Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
    assertEquals(409, original("CM16-0224814.pdf").statusCode());
  }

  @Test
  void aMovedFileIs404SayingWhereItUsedToBe() throws Exception {
    Path file = letters.resolve("CM16-0228949.pdf");
    Files.move(file, outside.resolve("moved.pdf"));
    HttpResponse<byte[]> response = original("CM16-0228949.pdf");
    assertEquals(404, response.statusCode());
    assertEquals(
        "the original file is no longer at " + file.toAbsolutePath().normalize(),
        errorOf(response).get("message").asText());
  }
}
