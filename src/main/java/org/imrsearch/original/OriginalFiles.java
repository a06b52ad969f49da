package org.imrsearch.original;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.model.SourceFile;
import org.imrsearch.search.NotFoundException;

/**
 * Reads a letter's original file from its ingest record, and only when it is safe and still the
 * same file. The record's path must be absolute and normalized, and its real path (symlinks
 * resolved) inside the real path of the ingest input it was found under: a symlink pointing out of
 * the ingested directories, or a path with {@code ..}, is refused as if there were no file. A file
 * whose size or SHA-256 differs from the record is refused too ({@link ChangedFileException}):
 * serving it could show a different letter. The SHA-256 of the bytes actually served is the last
 * guard: even a path swapped between the checks and the read cannot serve other content than the
 * letter that was ingested. Stateless and thread-safe.
 */
public final class OriginalFiles {

  /**
   * The original of letter {@code letterId}, read from {@code recorded} (null when the letter was
   * not read from a file).
   *
   * @throws NotFoundException when there is no record, the path is refused, or the file is gone
   * @throws ChangedFileException when the file's size or SHA-256 is not the recorded one
   */
  public Original read(String letterId, SourceFile recorded) throws IOException {
    if (recorded == null) {
      throw new NotFoundException(
          "letter '" + letterId + "' was not read from a file: there is no original to serve");
    }
    Path path = recorded.path();
    if (!path.equals(path.normalize()) || !path.startsWith(recorded.root())) {
      throw new NotFoundException(refused(letterId));
    }
    Path real;
    Path realRoot;
    try {
      real = path.toRealPath();
      realRoot = recorded.root().toRealPath();
    } catch (NoSuchFileException e) {
      throw new NotFoundException("the original file is no longer at " + path);
    }
    if (!real.startsWith(realRoot)) {
      throw new NotFoundException(refused(letterId));
    }
    if (!Files.isRegularFile(real)) {
      throw new NotFoundException("the original file is no longer at " + path);
    }
    // The size first: a file grown to gigabytes is not read to find out that it changed.
    long size = Files.size(real);
    if (size != recorded.bytes() || size > LetterFileReader.MAX_BYTES) {
      throw changed(path);
    }
    byte[] content;
    try {
      content = Files.readAllBytes(real);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("the original file is no longer at " + path);
    }
    String sha256 = SourceFile.sha256(content);
    if (content.length != recorded.bytes() || !sha256.equals(recorded.sha256())) {
      throw changed(path);
    }
    return new Original(
        recorded.fileName(), contentType(path, content), content.length, sha256, content);
  }

  private static String refused(String letterId) {
    return "the original file of letter '"
        + letterId
        + "' is not inside the directories that were ingested";
  }

  private static ChangedFileException changed(Path path) {
    return new ChangedFileException(
        "the file changed since it was ingested: " + path + " is not the letter that was indexed");
  }

  /**
   * PDF by its magic bytes or name; otherwise text, in the charset the ingest read it with (UTF-16
   * with a byte-order mark, UTF-8 when it decodes as such, else Windows-1252).
   */
  static String contentType(Path file, byte[] content) {
    boolean pdf =
        (content.length >= 5
                && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"))
            || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
    if (pdf) {
      return "application/pdf";
    }
    if (content.length >= 2
        && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
            || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
      return "text/plain; charset=utf-16";
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return "text/plain; charset=utf-8";
    } catch (CharacterCodingException e) {
      return "text/plain; charset=windows-1252";
    }
  }
}
