package org.imrsearch.cli;

import java.nio.file.Path;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Vocabulary;
import picocli.CommandLine.Option;

/** The {@code --config DIR} option shared by every command that reads letters or the index. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "DIR",
      description = "Directory of index-config tables overriding the bundled ones (file by file).")
  Path directory;

  ConfigSource source() {
    return directory == null ? ConfigSource.bundled() : ConfigSource.directory(directory);
  }

  Vocabulary vocabulary() {
    return Vocabulary.load(source());
  }
}
