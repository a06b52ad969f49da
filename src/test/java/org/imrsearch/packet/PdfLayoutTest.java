package org.imrsearch.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF layout: lines that fit, words kept whole, pages that break and are numbered. */
class PdfLayoutTest {
  private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  @Test
  void noWrappedLineIsWiderThanItsWidthAndNoWordIsSplitThatFits() throws IOException {
    try (PDDocument document = new PDDocument();
        PdfLayout layout = new PdfLayout(document)) {
      String text =
          "The injured worker has chronic low back pain with radiculopathy; an epidural steroid"
              + " injection at L4-5 was requested after six weeks of physical therapy.";
      List<String> lines = layout.wrap(text, HELVETICA, 10, 150);
      assertTrue(lines.size() > 2, lines.toString());
      for (String line : lines) {
        assertTrue(HELVETICA.getStringWidth(line) / 1000 * 10 <= 150, line);
      }
      assertEquals(text, String.join(" ", lines), "only spaces became line breaks");
    }
  }

  @Test
  void aWordWiderThanTheLineIsCutWhereTheLineEnds() throws IOException {
    try (PDDocument document = new PDDocument();
        PdfLayout layout = new PdfLayout(document)) {
      String url = "https://www.example.org/" + "a".repeat(200);
      List<String> lines = layout.wrap(url, HELVETICA, 10, 100);
      assertTrue(lines.size() > 3);
      assertEquals(url, String.join("", lines));
    }
  }

  @Test
  void charactersHelveticaCannotShowAreReplacedAndLineBreaksKept() throws IOException {
    try (PDDocument document = new PDDocument();
        PdfLayout layout = new PdfLayout(document)) {
      assertEquals(
          "pain >= 6 -> \u201cbetter\u201d ?? \u00e9t\u00e9\nnext line  tab",
          layout.printable(
              "pain \u2265 6 \u2192 \u201cbetter\u201d \u4e2d\u6587 \u00e9t\u00e9\r\nnext line\u0007\ttab"));
    }
  }

  @Test
  void longTextRunsOntoNumberedPages() throws IOException {
    byte[] pdf;
    try (PDDocument document = new PDDocument()) {
      try (PdfLayout layout = new PdfLayout(document)) {
        layout.title("Title");
        layout.paragraph(String.join(" ", Collections.nCopies(3000, "word")));
        layout.finish("footer");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      pdf = out.toByteArray();
    }
    try (PDDocument read = Loader.loadPDF(pdf)) {
      int pages = read.getNumberOfPages();
      assertTrue(pages >= 3, "3,000 words take several pages, was " + pages);
      String text = new PDFTextStripper().getText(read);
      assertTrue(text.contains("Page 1 of " + pages));
      assertTrue(text.contains("Page " + pages + " of " + pages));
      assertEquals(3000, text.split("word", -1).length - 1, "every word on some page");
    }
  }
}
