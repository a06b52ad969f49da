package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.imrsearch.TestLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gets a clear reason; a letter in any encoding is still read. */
class BrokenInputTest {
  private final ExtractionPipeline pipeline = TestLetters.pipeline();
  @TempDir Path dir;

  private String reason(Path file) {
    Extraction e = pipeline.extract(file);
    assertFalse(e.ok(), file + " should fail");
    return e.failure().error();
  }

  @Test
  void anEmptyFileIsReported() throws IOException {
    assertEquals("empty file", reason(Files.write(dir.resolve("empty.pdf"), new byte[0])));
  }

  @Test
  void randomBytesNamedPdfAreReported() throws IOException {
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    assertTrue(reason(Files.write(dir.resolve("noise.pdf"), noise)).startsWith("not a readable PDF"));
  }

  @Test
  void aTruncatedPdfIsReportedOrReadAsFarAsItGoes() throws IOException {
    byte[] pdf = Files.readAllBytes(TestLetters.REAL_PDFS.resolve("CM16-0213037.pdf"));
    Path cut = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
    Extraction e = pipeline.extract(cut);
    // PDFBox repairs what it can; whatever it recovers must not be passed off as a whole letter.
    assertTrue(!e.ok() || !e.letter().warnings().isEmpty(), () -> "truncated PDF read as complete: " + e);
  }

  @Test
  void textThatIsNotALetterIsReported() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "Shopping list: eggs, milk, bread.\n");
    assertEquals("not an IMR determination letter (no known layout's headings found)", reason(notes));
  }

  @Test
  void aFiftyMegabyteTextFileIsReportedNotRead() throws IOException {
    Path big = dir.resolve("big.txt");
    byte[] line = "IMR ISSUES, DECISIONS AND RATIONALES padding padding padding\n".getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(big)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    assertEquals("file too large for one letter (50.0 MB; the limit is 20 MB)", reason(big));
  }

  @Test
  void readsWindows1252AndUtf16Letters() throws IOException {
    String text = Files.readString(TestLetters.SEED_LETTERS.resolve("seed-5.txt")).replace("certified", "certified \u2014 r\u00e9sum\u00e9");
    for (Charset cs : new Charset[] {Charset.forName("windows-1252"), StandardCharsets.UTF_16}) {
      Path file = Files.write(dir.resolve("seed-5-" + cs.name() + ".txt"), text.getBytes(cs));
      Extraction e = pipeline.extract(file);
      assertTrue(e.ok(), () -> cs + ": " + e.failure());
      assertTrue(e.letter().decisions().get(0).rationale().endsWith("certified \u2014 r\u00e9sum\u00e9"), cs.name());
    }
  }

  @Test
  void aMissingFileIsReported() {
    assertEquals("no such file", reason(dir.resolve("nowhere.pdf")));
  }
}
