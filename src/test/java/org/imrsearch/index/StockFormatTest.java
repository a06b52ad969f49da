package org.imrsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index is written in Lucene's own formats: any Lucene application of the same major version
 * (Luke, CheckIndex, a script) opens it with nothing of this project on its class path.
 */
class StockFormatTest {
  @Test
  void checkIndexWithOnlyLuceneCoreOnTheClassPathFindsNoProblem(@TempDir Path dir)
      throws Exception {
    Path index = dir.resolve("index");
    List<Path> pdfs = TestLetters.realPdfs();
    TestIndex.build(index, List.of(TestLetters.SEED_LETTERS, pdfs.get(0), pdfs.get(1)));

    String luceneCore =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> Path.of(entry).getFileName().toString().startsWith("lucene-core-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("lucene-core is not on the test class path"));
    Process checkIndex =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                luceneCore,
                "org.apache.lucene.index.CheckIndex",
                index.toString())
            .redirectErrorStream(true)
            .start();
    String report = new String(checkIndex.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, checkIndex.waitFor(), report);
    assertTrue(report.contains("No problems were detected with this index."), report);
    assertTrue(report.contains("codec=Lucene104"), "Lucene's default codec:\n" + report);
  }

  @Test
  void anEmptyDirectoryPassesTheVersionCheck(@TempDir Path dir) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      IndexVersion.require(directory, dir);
    }
  }
}
