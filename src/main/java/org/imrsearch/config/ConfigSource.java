package org.imrsearch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;

/**
 * Where the index-config files come from: the copy inside the jar, or a directory given with {@code
 * --config DIR} (files missing there fall back to the jar's copy).
 */
public final class ConfigSource {
  private static final String CLASSPATH_DIR = "index-config/";

  private final Path directory;

  private ConfigSource(Path directory) {
    this.directory = directory;
  }

  /** The tables shipped inside the jar. */
  public static ConfigSource bundled() {
    return new ConfigSource(null);
  }

  /** Tables read from {@code directory}, falling back to the bundled ones file by file. */
  public static ConfigSource directory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new ConfigException("config directory not found: " + directory);
    }
    return new ConfigSource(directory);
  }

  /** A description for messages and the health endpoint. */
  public String describe() {
    return directory == null ? "bundled index-config" : directory.toString();
  }

  /** The lines of a text file, UTF-8. */
  public List<String> lines(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The rows of a tab-separated table, skipping blank lines and {@code #} comments; each row must
   * have at least {@code minColumns} non-empty leading columns.
   */
  public List<TableRow> table(String name, int minColumns) {
    List<TableRow> rows = new ArrayList<>();
    List<String> lines = lines(name);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cells[c].strip();
      }
      TableRow row = new TableRow(name, i + 1, List.of(cells));
      for (int c = 0; c < minColumns; c++) {
        if (c >= cells.length || cells[c].isEmpty()) {
          throw row.error(
              "expected " + minColumns + " tab-separated columns, found " + cells.length);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** A Lucene resource loader over the same files, for analysis components (synonyms). */
  public ResourceLoader luceneLoader() {
    ResourceLoader classes = new ClasspathResourceLoader(ConfigSource.class.getClassLoader());
    return new ResourceLoader() {
      @Override
      public InputStream openResource(String resource) throws IOException {
        return open(resource);
      }

      @Override
      public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        return classes.findClass(cname, expectedType);
      }
    };
  }

  private InputStream open(String name) throws IOException {
    if (directory != null && Files.isRegularFile(directory.resolve(name))) {
      return Files.newInputStream(directory.resolve(name));
    }
    InputStream in = ConfigSource.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + name);
    if (in == null) {
      throw new ConfigException(name + ": not found in " + describe());
    }
    return in;
  }
}
