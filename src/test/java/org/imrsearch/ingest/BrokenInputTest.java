package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
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
    assertTrue(
        reason(Files.write(dir.resolve("noise.pdf"), noise)).startsWith("not a readable PDF"));
  }

  @Test
  void aTruncatedPdfIsReportedOrReadAsFarAsItGoes() throws IOException {
    byte[] pdf = Files.readAllBytes(TestLetters.REAL_PDFS.resolve("CM16-0213037.pdf"));
    Path cut = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 3));
    Extraction e = pipeline.extract(cut);
    // PDFBox repairs what it can; whatever it recovers must not be passed off as a whole letter.
    assertTrue(
        !e.ok() || !e.letter().warnings().isEmpty(), () -> "truncated PDF read as complete: " + e);
  }

  @Test
  void textThatIsNotALetterIsReported() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "Shopping list: eggs, milk, bread.\n");
    assertEquals(
        "not an IMR determination letter (no known layout's headings found)", reason(notes));
  }

  @Test
  void aFiftyMegabyteTextFileIsReportedNotRead() throws IOException {
    Path big = dir.resolve("big.txt");
    byte[] line =
        "IMR ISSUES, DECISIONS AND RATIONALES padding padding padding\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(big)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    assertEquals("file too large for one letter (50.0 MB; the limit is 20 MB)", reason(big));
  }

  @Test
  void readsWindows1252AndUtf16Letters() throws IOException {
    String text =
        Files.readString(TestLetters.SEED_LETTERS.resolve("seed-5.txt"))
            .replace("certified", "certified \u2014 r\u00e9sum\u00e9");
    for (Charset cs : new Charset[] {Charset.forName("windows-1252"), StandardCharsets.UTF_16}) {
      Path file = Files.write(dir.resolve("seed-5-" + cs.name() + ".txt"), text.getBytes(cs));
      Extraction e = pipeline.extract(file);
      assertTrue(e.ok(), () -> cs + ": " + e.failure());
      assertTrue(
          e.letter().decisions().get(0).rationale().endsWith("certified \u2014 r\u00e9sum\u00e9"),
          cs.name());
    }
  }

  @Test
  void anEncryptedPdfIsReported() throws IOException {
    Path file = dir.resolve("encrypted.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.protect(
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
      doc.save(file.toFile());
    }
    assertEquals("encrypted PDF: it needs a password to open", reason(file));
  }

  @Test
  void aScannedPdfWithoutATextLayerIsReported() throws IOException {
    Path file = dir.resolve("scanned.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
      PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawImage(image, 50, 500);
      }
      doc.save(file.toFile());
    }
    assertEquals(
        "PDF has no text layer (a scanned image?): it needs OCR before it can be indexed",
        reason(file));
  }

  @Test
  void aPdfThatForbidsTextExtractionIsStillRead() throws IOException, UnreadableFileException {
    Path file = dir.resolve("no-extraction.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText("IMR ISSUES, DECISIONS AND RATIONALES");
        content.endText();
      }
      AccessPermission permissions = new AccessPermission();
      permissions.setCanExtractContent(false);
      doc.protect(new StandardProtectionPolicy("owner-secret", "", permissions));
      doc.save(file.toFile());
    }
    assertEquals("IMR ISSUES, DECISIONS AND RATIONALES", new LetterFileReader().read(file).strip());
  }

  @Test
  void aLetterWithGarbledItemLinesIsKeptWithWarnings() throws IOException {
    String text =
        Files.readString(TestLetters.SEED_LETTERS.resolve("seed-5.txt"))
            .replace("Medication management sessions x 6:  Overturned", "M\u00a7d!c@t#on ~~ 6")
            .replace("MAXIMUS guideline:", "MAX1MUS gu1deline");
    Extraction e = pipeline.extract(Files.writeString(dir.resolve("garbled.txt"), text));
    assertTrue(e.ok(), () -> String.valueOf(e.failure()));
    assertTrue(
        e.letter().warnings().contains("no decisions found"), e.letter().warnings().toString());
  }

  @Test
  void aMissingFileIsReported() {
    assertEquals("no such file", reason(dir.resolve("nowhere.pdf")));
  }
}
