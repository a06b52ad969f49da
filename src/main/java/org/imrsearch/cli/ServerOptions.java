package org.imrsearch.cli;

import picocli.CommandLine.Option;

/** Where a server listens: shared by {@code serve} and {@code demo}. */
final class ServerOptions {
  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 7070;

  @Option(
      names = "--host",
      description = "Address to bind (default: ${DEFAULT-VALUE}: this machine only).")
  String host = "127.0.0.1";
}
