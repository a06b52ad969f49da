package org.imrsearch.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes a generated corpus: letter {@code n} goes to {@code DIR/<n / 1000>/<case number>.txt} (or
 * {@code .pdf} for the PDF fraction), written in parallel. The same seed writes the same files.
 */
public final class CorpusWriter {
  private static final int PER_FOLDER = 1000;
  private static final float FONT_SIZE = 9.5f;
  private static final float LEADING = 12.5f;

  private final LetterGenerator generator;
  private final double pdfFraction;

  public CorpusWriter(LetterGenerator generator, double pdfFraction) {
    if (pdfFraction < 0 || pdfFraction > 1) {
      throw new IllegalArgumentException("the PDF fraction is between 0 and 1, not " + pdfFraction);
    }
    this.generator = generator;
    this.pdfFraction = pdfFraction;
  }

  /** Writes letters {@code 0..count-1}; returns the bytes written. */
  public long write(Path dir, long count) throws IOException {
    Files.createDirectories(dir);
    AtomicLong bytes = new AtomicLong();
    long pdfEvery = pdfFraction == 0 ? Long.MAX_VALUE : Math.max(1, Math.round(1 / pdfFraction));
    try {
      LongStream.range(0, count)
          .parallel()
          .forEach(
              n -> {
                SyntheticLetter letter = generator.generate(n);
                Path folder = dir.resolve(String.format(Locale.ROOT, "%04d", n / PER_FOLDER));
                try {
                  Files.createDirectories(folder);
                  if (n % pdfEvery == pdfEvery - 1) {
                    Path pdf = folder.resolve(letter.fileName().replace(".txt", ".pdf"));
                    writePdf(letter.text(), pdf);
                    bytes.addAndGet(Files.size(pdf));
                  } else {
                    byte[] text = letter.text().getBytes(StandardCharsets.UTF_8);
                    Files.write(folder.resolve(letter.fileName()), text);
                    bytes.addAndGet(text.length);
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return bytes.get();
  }

  /** The letter as a PDF: one text line per line, a new page at each form feed or full page. */
  static void writePdf(String text, Path file) throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
    try (PDDocument doc = new PDDocument()) {
      PDPageContentStream content = null;
      float y = 0;
      try {
        for (String raw : text.replace("\r", "").split("\n")) {
          boolean newPage = raw.startsWith("\f");
          String line = raw.replace("\f", "");
          if (content == null || newPage || y < 60) {
            if (content != null) {
              content.endText();
              content.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            content.beginText();
            content.setFont(font, FONT_SIZE);
            content.setLeading(LEADING);
            y = page.getMediaBox().getHeight() - 60;
            content.newLineAtOffset(60, y);
          }
          content.showText(line);
          content.newLine();
          y -= LEADING;
        }
      } finally {
        if (content != null) {
          content.endText();
          content.close();
        }
      }
      doc.save(file.toFile());
    }
  }
}
