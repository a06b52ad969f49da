package org.imrsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * {@code GET /api/packet} over the real letters: the PDF read back with PDFBox holds the cover's
 * query and filters and every picked decision's case number, rationale and source file; the HTML
 * page keeps a rationale's markup as text; bad picks name themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacketTest {
  private static final String HOSTILE =
      """
      Case Number: CM99-0000002
      Date Assigned: 01/03/2017 Date of Injury: 01/01/2016
      Decision Date: 02/01/2017 UR Denial Date: 12/01/2016
      Priority: Standard

      HOW THE IMR FINAL DETERMINATION WAS MADE
      State(s) of Licensure: California
      Certification(s)/Specialty: Family Practice

      CLINICAL CASE SUMMARY
      The injured worker is a 40 year old female.

      IMR ISSUES, DECISIONS AND RATIONALES

      Acupuncture sessions: Upheld

      Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.

      MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.

      Decision rationale: Acupuncture <script>alert("x")</script> is not supported for pain \u2265 6
      months \u2192 see \u4e2d\u6587 notes & <b>bold</b> claims. Therefore the request is not medically necessary.
      """;

  private final ObjectMapper mapper = Json.newMapper();
  private List<Letter> letters;
  private Path hostile;
  private TestServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException, InterruptedException {
    hostile = Files.writeString(dir.resolve("hostile.txt"), HOSTILE);
    letters = TestIndex.build(dir.resolve("index"), List.of(TestLetters.REAL_PDFS, hostile));
    server = TestServer.over(dir.resolve("index"), mapper);
  }

  @AfterAll
  void stop() throws IOException {
    server.close();
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return server.get(path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Text with no whitespace at all: wrapping and text extraction move line breaks around. */
  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** The text without the page footers, which fall inside a rationale that runs over a page. */
  private static String withoutFooters(String text) {
    return text.lines()
        .filter(line -> !line.matches(".*Page \\d+ of \\d+\\s*"))
        .collect(Collectors.joining("\n"));
  }

  private Letter letter(String caseNumber) {
    return letters.stream()
        .filter(l -> caseNumber.equals(l.caseNumber()))
        .findFirst()
        .orElseThrow();
  }

  private String messageOf(HttpResponse<byte[]> response) throws IOException {
    return mapper.readTree(response.body()).get("message").asText();
  }

  @Test
  void thePdfHoldsTheCoverAndEachPickedDecisionsCaseNumberRationaleAndSourceFile()
      throws Exception {
    Letter several =
        letters.stream().filter(l -> l.decisions().size() >= 2).findFirst().orElseThrow();
    // The longest rationale of all, which runs over a page break.
    Letter other =
        letters.stream()
            .filter(l -> l != several && l.caseNumber() != null && l.decisions().size() == 1)
            .max(Comparator.comparingInt(l -> l.decisions().get(0).rationale().length()))
            .orElseThrow();
    String ids = several.id() + ":2," + other.id() + ":1," + several.id() + ":1";
    HttpResponse<byte[]> response =
        get(
            "/api/packet?format=pdf&ids="
                + enc(ids)
                + "&q="
                + enc("\"objective functional improvement\"")
                + "&specialty=Family+Practice&year=2016");
    assertEquals(200, response.statusCode(), () -> new String(response.body()));
    assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Disposition")
            .orElseThrow()
            .startsWith("attachment"));

    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      assertTrue(pdf.getNumberOfPages() >= 4, "a cover and a page or more per decision");
      PDFTextStripper firstPage = new PDFTextStripper();
      firstPage.setEndPage(1);
      String cover = squeezed(firstPage.getText(pdf));
      assertTrue(cover.contains(squeezed("\"objective functional improvement\"")), cover);
      assertTrue(cover.contains(squeezed("Reviewer specialty: Family Practice")), cover);
      assertTrue(cover.contains(squeezed("Decision year: 2016")), cover);
      assertTrue(cover.contains(squeezed("3 decisions")), cover);

      String text = squeezed(withoutFooters(new PDFTextStripper().getText(pdf)));
      int from = 0;
      for (int i = 0; i < 3; i++) {
        Letter l = i == 1 ? other : several;
        int number = i == 0 ? 2 : 1;
        int heading = text.indexOf((i + 1) + "." + l.caseNumber(), from);
        assertTrue(heading >= from, "decision " + (i + 1) + " in the order picked");
        from = heading;
        assertTrue(
            text.contains(squeezed(l.decisions().get(number - 1).rationale())),
            "the full rationale of " + l.id() + ":" + number);
        assertTrue(text.contains(squeezed(l.decisions().get(number - 1).item())));
      }
      Path source = TestLetters.REAL_PDFS.resolve(Path.of(several.source()).getFileName());
      SourceFile file = SourceFile.of(source, Files.readAllBytes(source));
      assertTrue(text.contains(file.fileName()), "the source file's name");
      assertTrue(text.contains(file.sha256()), "the source file's SHA-256");
    }
  }

  @Test
  void aCharacterHelveticaCannotShowIsReplacedAndTheRestOfTheRationaleStays() throws Exception {
    HttpResponse<byte[]> response = get("/api/packet?ids=CM99-0000002:1");
    assertEquals(200, response.statusCode(), () -> new String(response.body()));
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = squeezed(new PDFTextStripper().getText(pdf));
      assertTrue(text.contains(squeezed("pain >= 6 months -> see ?? notes & <b>bold</b>")), text);
      assertTrue(text.contains("<script>alert(\"x\")</script>"), "markup is plain text in a PDF");
    }
  }

  @Test
  void theHtmlPacketKeepsMarkupInARationaleAsText() throws Exception {
    HttpResponse<byte[]> response =
        get("/api/packet?format=html&ids=CM99-0000002:1&q=" + enc("<img src=x onerror=alert(1)>"));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    String html = new String(response.body(), StandardCharsets.UTF_8);
    assertFalse(html.contains("<script"), "no script element, the rationale's included");
    assertFalse(html.contains("<img"), "the cover's query is text");
    assertFalse(html.contains("<b>bold"));
    assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertTrue(html.contains("notes &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assertTrue(html.contains("CM99-0000002"));
    assertTrue(html.contains("@media print"), "a printable page");
  }

  @Test
  void anUnknownLetterIs404NamingIt() throws Exception {
    String first = letters.get(0).id();
    HttpResponse<byte[]> response = get("/api/packet?ids=" + enc(first + ":1,CM00-0000000:1"));
    assertEquals(404, response.statusCode());
    assertTrue(messageOf(response).contains("'CM00-0000000'"), messageOf(response));
  }

  @Test
  void aDecisionNumberTheLetterDoesNotHaveIs404NamingIt() throws Exception {
    Letter l = letter("CM99-0000002");
    HttpResponse<byte[]> response = get("/api/packet?ids=CM99-0000002:7");
    assertEquals(404, response.statusCode());
    assertEquals(
        "letter 'CM99-0000002' has no decision 7 (it has " + l.decisions().size() + ")",
        messageOf(response));
  }

  @Test
  void aMalformedPickIs400NamingIt() throws Exception {
    HttpResponse<byte[]> response = get("/api/packet?ids=" + enc("CM99-0000002:1,CM99-0000002"));
    assertEquals(400, response.statusCode());
    assertTrue(messageOf(response).contains("'CM99-0000002' is not a decision"));
    assertEquals(400, get("/api/packet").statusCode(), "no picks");
    assertEquals(400, get("/api/packet?ids=CM99-0000002:1&format=docx").statusCode());
  }

  @Test
  void morePicksThanAPacketHoldsIs400SayingTheLimit() throws Exception {
    String ids =
        IntStream.rangeClosed(1, 101)
            .mapToObj(i -> "CM99-0000002:" + i)
            .collect(Collectors.joining(","));
    HttpResponse<byte[]> response = get("/api/packet?ids=" + enc(ids));
    assertEquals(400, response.statusCode());
    assertTrue(messageOf(response).contains("at most 100 decisions"), messageOf(response));
  }
}
