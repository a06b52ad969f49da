package org.imrsearch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.generate.CorpusWriter;
import org.imrsearch.generate.LetterGenerator;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.LetterIndexWriter;
import org.imrsearch.ingest.Extraction;
import org.imrsearch.ingest.Ingester;
import org.imrsearch.ingest.LetterFiles;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.query.QuerySyntax;

/** Builds an index of given letter files in a directory, and keeps the letters that went in. */
public final class TestIndex {
  private TestIndex() {}

  /** An index opened for direct Lucene checks, with the query syntax the services use. */
  public record Opened(
      DirectoryReader reader, IndexSearcher searcher, Analyzers analyzers, QuerySyntax syntax)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      reader.close();
      analyzers.close();
    }
  }

  /** Opens the index in {@code index}; close it when done. */
  public static Opened open(Path index) throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
    Analyzers analyzers = Analyzers.load(ConfigSource.bundled());
    return new Opened(
        reader, new IndexSearcher(reader), analyzers, new QuerySyntax(analyzers.query()));
  }

  /**
   * Writes {@code count} generated letters of every layout (seed {@code seed}) under {@code dir}
   * and indexes them; returns the index directory.
   */
  public static Path buildGenerated(Path dir, long seed, int count)
      throws IOException, InterruptedException {
    new CorpusWriter(new LetterGenerator(seed, List.of()), 0).write(dir.resolve("letters"), count);
    build(dir.resolve("index"), List.of(dir.resolve("letters")));
    return dir.resolve("index");
  }

  /** Ingests {@code inputs} into {@code index}; returns the extracted letters, as indexed. */
  public static List<Letter> build(Path index, List<Path> inputs)
      throws IOException, InterruptedException {
    ConfigSource config = ConfigSource.bundled();
    try (Analyzers analyzers = Analyzers.load(config);
        LetterIndexWriter writer = LetterIndexWriter.open(index, analyzers, Json.newMapper())) {
      new Ingester(TestLetters.pipeline(), writer, 1000, Duration.ofMinutes(1))
          .ingest(inputs, Ingester.Progress.NONE);
    }
    List<Letter> letters = new ArrayList<>();
    TestLetters.pipeline()
        .run(
            LetterFiles.expand(inputs),
            (Extraction e) -> {
              if (e.ok()) {
                letters.add(e.letter());
              }
            });
    return letters;
  }
}
