package org.imrsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the paths given on the command line into letter files, in a stable order. */
public final class LetterFiles {
  private LetterFiles() {}

  /**
   * Files are taken as given (whatever their name); directories are walked for {@code .pdf} and
   * {@code .txt} files, sorted by path so that runs are repeatable.
   */
  public static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(LetterFiles::isLetterFile)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + input, e);
        }
      } else {
        files.add(input);
      }
    }
    return files;
  }

  static boolean isLetterFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".pdf") || name.endsWith(".txt");
  }
}
