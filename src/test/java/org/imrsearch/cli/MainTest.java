package org.imrsearch.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.imrsearch.TestLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A command that cannot do its job says why in one line and exits with 1, without a stack trace.
 */
class MainTest {
  /** An index of one letter written by the build before schema 4 (its own Zstandard codec). */
  private static final Path OLDER_INDEX =
      Path.of("src", "test", "resources", "indexes", "schema3-zstd");

  @Test
  void aMissingIndexIsOneLineWithWhatToRun(@TempDir Path dir) {
    Path index = dir.resolve("no-index-here");
    Run run = run("serve", "--index", index.toString());
    assertEquals(1, run.exitCode());
    assertEquals(
        "imr serve: no index at " + index + ": run 'imr ingest ... --index " + index + "' first\n",
        run.err());
  }

  @Test
  void anUnreadableTokenFileIsOneLineThatNamesTheFileButNotAToken(@TempDir Path dir)
      throws IOException {
    Path missing = dir.resolve("no-token-here");
    Run run = run("serve", "--index", dir.toString(), "--token-file", missing.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("imr serve: cannot read the token file " + missing), run.err());
    assertEquals(1, run.err().lines().count());
    Path empty = Files.writeString(dir.resolve("empty-token"), "\n");
    Run blank = run("serve", "--index", dir.toString(), "--token-file", empty.toString());
    assertEquals(1, blank.exitCode());
    assertTrue(blank.err().contains("is empty"), blank.err());
  }

  @Test
  void aMissingConfigDirectoryIsOneLine(@TempDir Path dir) {
    Path config = dir.resolve("no-config-here");
    Run run =
        run(
            "extract",
            "--config",
            config.toString(),
            TestLetters.SEED_LETTERS.resolve("seed-1.txt").toString());
    assertEquals(1, run.exitCode());
    assertEquals("imr extract: config directory not found: " + config + "\n", run.err());
  }

  @Test
  void anIndexOfAnOlderBuildIsOneLineSayingReIngestForServeAndIngest(@TempDir Path dir)
      throws IOException {
    // Written by the build before schema 4: its segments name that build's own codec.
    Path index = copyOf(OLDER_INDEX, dir.resolve("old-index"));
    String expected = ": the index in " + index + " has an older or unknown format (";
    Run serve = run("serve", "--index", index.toString());
    assertEquals(1, serve.exitCode());
    assertTrue(serve.err().startsWith("imr serve" + expected), serve.err());
    assertTrue(serve.err().contains("re-ingest the letters into a new directory"), serve.err());
    assertEquals(1, serve.err().lines().count(), "one line, no stack trace");

    Run ingest =
        run(
            "ingest",
            TestLetters.SEED_LETTERS.resolve("seed-1.txt").toString(),
            "--index",
            index.toString());
    assertEquals(1, ingest.exitCode());
    assertTrue(ingest.err().startsWith("imr ingest" + expected), ingest.err());
    assertEquals(1, ingest.err().lines().count(), "one line, no stack trace");
  }

  @Test
  void aBugKeepsItsStackTrace() {
    IllegalStateException bug = new IllegalStateException("a searcher used after close");
    assertThrows(
        IllegalStateException.class,
        () -> Main.reportFailure(bug, Main.commandLine(), null),
        "an IllegalStateException is a bug, not a user error: picocli prints its stack trace");
    StringWriter err = new StringWriter();
    CommandLine demo = Main.commandLine().setErr(new PrintWriter(err, true));
    CommandLine commandLine = demo.getSubcommands().get("demo");
    assertDoesNotThrow(() -> Main.reportFailure(new UserError("no samples"), commandLine, null));
    assertEquals("imr demo: no samples", err.toString().strip());
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, err.toString().replace(System.lineSeparator(), "\n"));
  }

  private record Run(int exitCode, String err) {}
}
