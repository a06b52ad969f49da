package org.imrsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;
import org.imrsearch.config.ConfigException;
import org.imrsearch.engine.EngineUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code imr} command line: one subcommand per job; wiring lives in the subcommands. */
@Command(
    name = "imr",
    mixinStandardHelpOptions = true,
    version = "imr-search 0.1",
    description =
        "Full-text search and analytics over California workers' compensation IMR determination"
            + " letters.",
    subcommands = {
      DemoCommand.class,
      ExtractCommand.class,
      IngestCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      BenchCommand.class,
      SolrConfigCommand.class,
      SolrSetupCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietJavaUtilLogging();
    System.exit(commandLine().execute(args));
  }

  /**
   * Lucene logs its vectorization set-up through java.util.logging at start-up: not news to users.
   */
  private static void quietJavaUtilLogging() {
    try (InputStream config = Main.class.getResourceAsStream("/logging.properties")) {
      if (config != null) {
        LogManager.getLogManager().readConfiguration(config);
      }
    } catch (IOException e) {
      // Logging stays at the JDK default: noisier, nothing worse.
    }
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::reportFailure);
  }

  /**
   * What the user can fix is told in one line with its reason, and the command exits with 1: a
   * missing or incompatible index and unreadable files (I/O exceptions), a bad table in
   * index-config ({@link ConfigException}), a {@link UserError}. Anything else, {@link
   * IllegalStateException} included (Lucene's {@code AlreadyClosedException} is one), is a bug:
   * picocli prints its stack trace.
   */
  static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
      throws Exception {
    if (e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof ConfigException
        || e instanceof EngineUnavailableException
        || e instanceof UserError) {
      commandLine.getErr().println("imr " + commandLine.getCommandName() + ": " + e.getMessage());
      return 1;
    }
    throw e;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
