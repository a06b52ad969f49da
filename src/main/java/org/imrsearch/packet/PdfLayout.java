package org.imrsearch.packet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Flowing text onto US Letter pages with PDFBox: titles, headings, label/value rows and wrapped
 * paragraphs, a new page whenever the next line would not fit, and "Page i of n" footers added at
 * the end. The fonts are the standard Helvetica (nothing to embed); they encode WinAnsi only, so a
 * character they cannot show is replaced ({@link #printable}) rather than failing the document. Not
 * thread-safe: one layout writes one document.
 */
final class PdfLayout implements AutoCloseable {
  private static final PDRectangle PAGE = PDRectangle.LETTER;
  private static final float MARGIN = 60;
  private static final float FOOTER_Y = 32;
  private static final float LABEL_WIDTH = 125;
  private static final float GAP = 10;
  private static final float TEXT_SIZE = 10;
  private static final float LEADING = 1.35f;

  /** Replacements for characters letters use that WinAnsi lacks; anything else becomes '?'. */
  private static final Map<Integer, String> REPLACEMENTS =
      Map.of(
          0x2264, "<=",
          0x2265, ">=",
          0x2212, "-",
          0x2010, "-",
          0x2011, "-",
          0x2192, "->",
          0x2022, "*",
          0x00A0, " ");

  private final PDDocument document;
  private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final Map<Integer, Boolean> encodable = new HashMap<>();
  private final float width = PAGE.getWidth() - 2 * MARGIN;
  private PDPageContentStream content;
  private float y;

  PdfLayout(PDDocument document) throws IOException {
    this.document = document;
    newPage();
  }

  /** Starts a new page; the next line goes at its top. */
  void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = PAGE.getHeight() - MARGIN;
  }

  /** A large bold line (wrapped if long). */
  void title(String text) throws IOException {
    lines(wrap(text, bold, 20, width), bold, 20, MARGIN);
    space(8);
  }

  /** A bold heading, kept on the page with at least three lines after it. */
  void heading(String text) throws IOException {
    float size = 13;
    ensure(lineHeight(size) + 3 * lineHeight(TEXT_SIZE));
    lines(wrap(text, bold, size, width), bold, size, MARGIN);
    space(4);
  }

  /** A row: the label in bold on the left, the value wrapped beside it. */
  void field(String label, String value) throws IOException {
    List<String> labelLines = wrap(label, bold, TEXT_SIZE, LABEL_WIDTH);
    List<String> valueLines = wrap(value, regular, TEXT_SIZE, width - LABEL_WIDTH - GAP);
    int rows = Math.max(labelLines.size(), valueLines.size());
    for (int i = 0; i < rows; i++) {
      ensure(lineHeight(TEXT_SIZE));
      if (i < labelLines.size()) {
        show(labelLines.get(i), bold, TEXT_SIZE, MARGIN);
      }
      if (i < valueLines.size()) {
        show(valueLines.get(i), regular, TEXT_SIZE, MARGIN + LABEL_WIDTH + GAP);
      }
      y -= lineHeight(TEXT_SIZE);
    }
    space(2);
  }

  /** Text wrapped to the page's width; each line break of {@code text} starts a new line. */
  void paragraph(String text) throws IOException {
    lines(wrap(text, regular, TEXT_SIZE, width), regular, TEXT_SIZE, MARGIN);
    space(6);
  }

  /** Vertical space in points. */
  void space(float points) {
    y -= points;
  }

  /** Ends the last page and numbers every page in its footer. */
  void finish(String footer) throws IOException {
    content.close();
    content = null;
    int pages = document.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footerStream =
          new PDPageContentStream(
              document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        String number = String.format(Locale.ROOT, "Page %d of %d", i + 1, pages);
        float size = 8;
        write(footerStream, printable(footer), regular, size, MARGIN, FOOTER_Y);
        float numberWidth = regular.getStringWidth(number) / 1000 * size;
        write(
            footerStream, number, regular, size, PAGE.getWidth() - MARGIN - numberWidth, FOOTER_Y);
      }
    }
  }

  private void lines(List<String> lines, PDFont font, float size, float x) throws IOException {
    for (String line : lines) {
      ensure(lineHeight(size));
      show(line, font, size, x);
      y -= lineHeight(size);
    }
  }

  /** A new page when {@code height} more points would run into the bottom margin. */
  private void ensure(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void show(String line, PDFont font, float size, float x) throws IOException {
    // The baseline sits a font size below the top of the line.
    write(content, line, font, size, x, y - size);
  }

  private static void write(
      PDPageContentStream stream, String text, PDFont font, float size, float x, float y)
      throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, y);
    stream.showText(text);
    stream.endText();
  }

  private static float lineHeight(float size) {
    return size * LEADING;
  }

  /**
   * {@code text} in lines no wider than {@code maxWidth}: words kept whole unless one alone is too
   * wide, runs of spaces collapsed, line breaks kept, characters the font lacks replaced.
   */
  List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= maxWidth) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A word wider than the line (a URL, a long code) is cut where the line ends.
        String rest = word;
        while (width(rest, font, size) > maxWidth) {
          int cut = rest.length() - 1;
          while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static float width(String text, PDFont font, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /**
   * {@code text} with what Helvetica's WinAnsi encoding cannot show replaced: tabs and other
   * control characters by spaces, a few symbols by ASCII ({@code ≤} is {@code <=}), anything else
   * by '?'. Line breaks become {@code \n}.
   */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    normalized
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append('\n');
              } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
              } else if (REPLACEMENTS.containsKey(cp)) {
                out.append(REPLACEMENTS.get(cp));
              } else if (encodable.computeIfAbsent(cp, this::canEncode)) {
                out.appendCodePoint(cp);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private boolean canEncode(int codePoint) {
    try {
      String s = new String(Character.toChars(codePoint));
      regular.encode(s);
      bold.encode(s);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }
}
