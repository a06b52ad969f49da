package org.imrsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.imrsearch.TestLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A command that cannot do its job says why in one line and exits with 1, without a stack trace.
 */
class MainTest {
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

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine().setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, err.toString().replace(System.lineSeparator(), "\n"));
  }

  private record Run(int exitCode, String err) {}
}
