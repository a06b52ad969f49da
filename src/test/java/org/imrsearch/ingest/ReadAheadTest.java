package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files loaded ahead of the workers come out as if each worker had read its own. */
class ReadAheadTest {
  private final LetterFileReader reader = new LetterFileReader();
  private final ReadAhead readAhead = new ReadAhead(reader);

  @Test
  void givesTheBytesOfEachRequestedFile(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "letter a");
    Path b = Files.writeString(dir.resolve("b.txt"), "letter b");
    readAhead.request(a);
    readAhead.request(b);
    readAhead.request(a); // listed twice before it is taken: one load serves it
    assertEquals("letter b", new String(readAhead.take(b), StandardCharsets.UTF_8));
    assertEquals("letter a", new String(readAhead.take(a), StandardCharsets.UTF_8));
  }

  @Test
  void readsAFileNobodyRequestedWhenItIsTaken(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "letter a");
    assertArrayEquals(Files.readAllBytes(a), readAhead.take(a));
  }

  @Test
  void reportsTheReasonReadingItDirectlyWould(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    Path missing = dir.resolve("missing.txt");
    Path folder = Files.createDirectory(dir.resolve("folder.pdf"));
    for (Path file : new Path[] {empty, missing, folder}) {
      readAhead.request(file);
      String direct =
          assertThrows(UnreadableFileException.class, () -> reader.load(file)).getMessage();
      assertEquals(
          direct,
          assertThrows(UnreadableFileException.class, () -> readAhead.take(file)).getMessage());
    }
  }

  @Test
  void forgetsWhatARunLeftSoTheNextReadsTheFileAgain(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "first");
    readAhead.request(a);
    readAhead.forget();
    Files.writeString(a, "second");
    assertEquals("second", new String(readAhead.take(a), StandardCharsets.UTF_8));
  }
}
