package org.imrsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.LetterFileReader;

/** Where the test letters live (all inside the repository, so a fresh clone can run the tests). */
public final class TestLetters {
  /** The 144 real 2016-2017 letters, as published (PDF). */
  public static final Path REAL_PDFS = Path.of("samples", "dwc-2016");

  /** Five real older letter bodies, as another extractor wrote them. */
  public static final Path SEED_LETTERS = Path.of("samples", "dwc-seed");

  /** Fixtures of the 2013-2014 layouts and of PDF debris, written from public descriptions. */
  public static final Path OLDER_FIXTURES = Path.of("src", "test", "resources", "letters", "older");

  /** Expected values, one JSON file per letter, checked by reading the letter. */
  public static final Path EXPECTED = Path.of("src", "test", "resources", "expected");

  private TestLetters() {}

  /** The letter file a fixture names, wherever it lives. */
  public static Path find(String fileName) {
    for (Path dir : List.of(REAL_PDFS, SEED_LETTERS, OLDER_FIXTURES)) {
      if (Files.isRegularFile(dir.resolve(fileName))) {
        return dir.resolve(fileName);
      }
    }
    throw new IllegalArgumentException("no test letter named " + fileName);
  }

  public static List<Path> realPdfs() {
    try (Stream<Path> files = Files.list(REAL_PDFS)) {
      return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Vocabulary vocabulary() {
    return Vocabulary.load(ConfigSource.bundled());
  }

  public static ExtractionPipeline pipeline() {
    return new ExtractionPipeline(new LetterFileReader(), new LetterExtractor(vocabulary()), 2);
  }
}
