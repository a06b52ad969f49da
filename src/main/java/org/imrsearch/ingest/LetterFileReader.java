package org.imrsearch.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a letter file into text: PDF through PDFBox (in reading order, ignoring the "no text
 * extraction" permission flag that several public letters carry), text files in whatever encoding
 * they come in (UTF-8, UTF-16 with a byte-order mark, else Windows-1252).
 */
public final class LetterFileReader {
  /** Real letters are 20-200 KB; anything this large is not one letter. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Reads {@code file}; the message of the exception is the reason for the report. */
  public String read(Path file) throws UnreadableFileException {
    return text(file, load(file));
  }

  /**
   * The bytes of {@code file}, refused when empty or too large: the part of reading that waits for
   * the disk.
   */
  public byte[] load(Path file) throws UnreadableFileException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableFileException(Files.exists(file) ? "not a regular file" : "no such file");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UnreadableFileException("cannot read file: " + e.getMessage(), e);
    }
    if (size == 0) {
      throw new UnreadableFileException("empty file");
    }
    if (size > MAX_BYTES) {
      throw new UnreadableFileException(
          String.format(
              Locale.ROOT,
              "file too large for one letter (%.1f MB; the limit is %d MB)",
              size / 1048576.0,
              MAX_BYTES / 1048576));
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnreadableFileException("cannot read file: " + e.getMessage(), e);
    }
  }

  /**
   * The text of {@code file}, given its bytes: the part of reading that computes (PDF text,
   * decoding).
   */
  public String text(Path file, byte[] bytes) throws UnreadableFileException {
    return isPdf(file, bytes) ? pdfText(bytes) : decode(bytes);
  }

  private static boolean isPdf(Path file, byte[] bytes) {
    boolean magic =
        bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    return magic || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
  }

  private static String pdfText(byte[] bytes) throws UnreadableFileException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      // Owner-password permissions (e.g. "no text extraction") restrict viewers, not public
      // records; only a user password, which we do not have, stops us.
      document.setAllSecurityToBeRemoved(true);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(document);
      if (text.isBlank()) {
        throw new UnreadableFileException(
            document.getNumberOfPages() == 0
                ? "PDF has no pages"
                : "PDF has no text layer (a scanned image?): it needs OCR before it can be"
                    + " indexed");
      }
      return text;
    } catch (InvalidPasswordException e) {
      throw new UnreadableFileException("encrypted PDF: it needs a password to open", e);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableFileException("not a readable PDF: " + firstLine(e), e);
    }
  }

  /** UTF-16 or UTF-8 by byte-order mark, else strict UTF-8, else Windows-1252 (never fails). */
  static String decode(byte[] bytes) throws UnreadableFileException {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return new String(bytes, StandardCharsets.UTF_16);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, WINDOWS_1252);
    }
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    if (looksBinary(text)) {
      throw new UnreadableFileException("binary data, not text or PDF");
    }
    return text;
  }

  /** Control characters other than whitespace and form feeds mean this is not a text file. */
  private static boolean looksBinary(String text) {
    int sample = Math.min(text.length(), 64 * 1024);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return control > sample / 100 + 1;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
