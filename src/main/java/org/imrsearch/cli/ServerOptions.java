package org.imrsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.imrsearch.web.WriteAccess;
import picocli.CommandLine.Option;

/** Where a server listens: shared by {@code serve} and {@code demo}. */
final class ServerOptions {
  @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 7070;

  @Option(
      names = "--host",
      description = "Address to bind (default: ${DEFAULT-VALUE}: this machine only).")
  String host = "127.0.0.1";

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = {
        "A file holding the token that saving, renaming and deleting saved searches need",
        "(sent as 'Authorization: Bearer TOKEN'). Without it, only this machine may make them."
      })
  Path tokenFile;

  /** Who may change saved searches: the token file's holders, or this machine alone. */
  WriteAccess writeAccess() {
    if (tokenFile == null) {
      return WriteAccess.loopbackOnly();
    }
    try {
      return WriteAccess.fromTokenFile(tokenFile);
    } catch (IOException e) {
      // The message names the file, never its content.
      throw new UserError("cannot read the token file " + tokenFile + ": " + e.getMessage());
    }
  }
}
