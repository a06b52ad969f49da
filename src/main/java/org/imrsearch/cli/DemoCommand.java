package org.imrsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.imrsearch.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imr demo}: index the sample letters bundled with the project and serve them. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Indexes the real sample letters bundled with imr-search (144 letters of 2016-2017 and 5"
          + " older",
      "letter bodies) into a fresh temporary index and serves it: a working product in one step."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--samples",
      paramLabel = "DIR",
      description = "Sample letters (default: the project's samples/ folder).")
  Path samples = Path.of(System.getProperty("imr.home", "."), "samples");

  @Mixin ServerOptions server;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(samples)) {
      throw new UserError("no sample letters at " + samples + " (give --samples DIR)");
    }
    Path index = Files.createTempDirectory("imr-demo-index");
    System.out.println(
        "demo: indexing the sample letters in " + samples + " into " + index + " ...");
    IngestReport report =
        IngestCommand.run(
            List.of(samples),
            index,
            config.source(),
            Runtime.getRuntime().availableProcessors(),
            10_000,
            Duration.ofSeconds(5),
            System.console() == null ? null : System.err);
    IngestCommand.printSummary(report, null, System.out);
    try {
      ServeCommand.serve(index, config, server);
    } finally {
      deleteTree(index); // the demo index is throw-away: leave nothing behind in the temp folder
    }
    return 0;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
