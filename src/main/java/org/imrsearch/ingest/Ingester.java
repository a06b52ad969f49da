package org.imrsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.imrsearch.index.LetterIndexWriter;
import org.imrsearch.model.ExtractionFailure;
import org.imrsearch.model.Letter;

/**
 * The ingest pipeline: files, read and extracted on all cores, into the index, with a report.
 * Commits every {@code commitEvery} letters, so a crash loses at most that many, and at the end.
 */
public final class Ingester {
  /** Observes progress: called after each file with the running counts. */
  public interface Progress {
    void update(int done, int total, int letters, int failed);

    Progress NONE = (done, total, letters, failed) -> {};
  }

  private final ExtractionPipeline pipeline;
  private final LetterIndexWriter writer;
  private final int commitEvery;

  public Ingester(ExtractionPipeline pipeline, LetterIndexWriter writer, int commitEvery) {
    this.pipeline = pipeline;
    this.writer = writer;
    this.commitEvery = commitEvery;
  }

  public IngestReport ingest(List<Path> files, Progress progress) throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<ExtractionFailure> failed = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    int[] counts = new int[4]; // letters, decisions, without decisions, warnings
    try {
      pipeline.run(files, extraction -> {
        if (extraction.ok()) {
          Letter letter = extraction.letter();
          try {
            writer.put(letter);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (IllegalArgumentException e) {
            failed.add(new ExtractionFailure(letter.source(), "could not be indexed: " + e.getMessage()));
            return;
          }
          counts[0]++;
          counts[1] += letter.decisions().size();
          counts[2] += letter.decisions().isEmpty() ? 1 : 0;
          counts[3] += letter.warnings().size();
          if (counts[0] % commitEvery == 0) {
            commit();
          }
        } else {
          failed.add(extraction.failure());
        }
        progress.update(done.incrementAndGet(), files.size(), counts[0], failed.size());
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.commit();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new IngestReport(files.size(), counts[0], counts[1], counts[2], counts[3], failed, seconds);
  }

  private void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
