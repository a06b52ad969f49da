package org.imrsearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The citation-path tables fail at start-up, naming file and line, when a row cannot be a path. */
class GuidelineRulesTest {
  @TempDir Path dir;

  private ConfigException loadWith(String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content);
    return assertThrows(
        ConfigException.class, () -> GuidelineRules.load(ConfigSource.directory(dir)));
  }

  @Test
  void aSectionOfAnUnknownPartIsRefused() throws IOException {
    ConfigException e =
        loadWith(
            "mtus-sections.tsv",
            "# sections\nLow Back Complaints\tSpecial Studies\nLow Bak\tSummary\n");
    assertEquals("mtus-sections.tsv:3: 'Low Bak' is not a part of mtus-parts.tsv", e.getMessage());
  }

  @Test
  void aNameHoldingThePathSeparatorIsRefused() throws IOException {
    ConfigException e = loadWith("odg-topics.tsv", "MRI\nEMG/NCS\tEMG\n");
    assertEquals(
        "odg-topics.tsv:2: 'EMG/NCS' contains '/', the citation path separator", e.getMessage());
  }

  @Test
  void anAdoptedChapterMustNameASectionOfItsPart() throws IOException {
    ConfigException e = loadWith("mtus-acoem-chapters.tsv", "12\tLow Back Complaints\t2004\tFoo\n");
    assertEquals(
        "mtus-acoem-chapters.tsv:1: 'Foo' is not a section of Low Back Complaints in"
            + " mtus-sections.tsv",
        e.getMessage());
  }
}
