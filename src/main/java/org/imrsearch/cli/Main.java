package org.imrsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code imr} command line: one subcommand per job; wiring lives in the subcommands. */
@Command(
    name = "imr",
    mixinStandardHelpOptions = true,
    version = "imr-search 0.1",
    description = "Full-text search and analytics over California workers' compensation IMR determination letters.",
    subcommands = {DemoCommand.class, ExtractCommand.class, IngestCommand.class, ServeCommand.class,
      CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
