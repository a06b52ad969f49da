package org.imrsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.extract.NotALetterException;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.ingest.UnreadableFileException;
import org.imrsearch.model.SourceFile;

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

  /** The real PDFs' text, read once per test JVM (see {@link #realPdfText}). */
  private static final Map<Path, String> REAL_PDF_TEXTS = new ConcurrentHashMap<>();

  private static final Vocabulary VOCABULARY = Vocabulary.load(ConfigSource.bundled());

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

  /** The bundled vocabulary, loaded once per test JVM (it is immutable). */
  public static Vocabulary vocabulary() {
    return VOCABULARY;
  }

  /**
   * The extraction pipeline the product uses, except that the text of the real PDFs is read once
   * per test JVM: a dozen test classes ingest them, and PDFBox's text extraction was most of their
   * time. The extractor still runs on every letter, every time.
   */
  public static ExtractionPipeline pipeline() {
    LetterFileReader reader = new LetterFileReader();
    LetterExtractor extractor = new LetterExtractor(vocabulary());
    return new ExtractionPipeline(
        file ->
            isRealPdf(file)
                ? extract(extractor, file, realPdfText(file))
                : ExtractionPipeline.extract(reader, extractor, file),
        2,
        ExtractionPipeline.DEFAULT_LETTER_LIMIT);
  }

  /** The text PDFBox reads from a real letter PDF, read once per test JVM. */
  public static String realPdfText(Path pdf) {
    return REAL_PDF_TEXTS.computeIfAbsent(
        pdf.toAbsolutePath().normalize(),
        p -> {
          try {
            return new LetterFileReader().read(p);
          } catch (UnreadableFileException e) {
            throw new IllegalStateException("a bundled real letter is unreadable: " + p, e);
          }
        });
  }

  private static boolean isRealPdf(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(REAL_PDFS.toAbsolutePath().normalize())
        && absolute.toString().endsWith(".pdf");
  }

  private static Extraction extract(LetterExtractor extractor, Path file, String text) {
    try {
      return Extraction.of(
          extractor.extract(file.toString(), text), SourceFile.of(file, Files.readAllBytes(file)));
    } catch (NotALetterException e) {
      return Extraction.failed(file.toString(), e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
