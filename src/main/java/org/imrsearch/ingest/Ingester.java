package org.imrsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.imrsearch.model.ExtractionFailure;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * The ingest pipeline: files, read and extracted on all cores, into the index, with a report.
 * Commits every {@code commitEvery} letters or {@code commitInterval}, whichever comes first (so a
 * crash loses at most that much, and a server beside it sees new letters within seconds), and at
 * the end. Letters are indexed as they are extracted, on all cores, so a commit holds the letters
 * before the commit point in input order and possibly a few in flight after it; each letter's block
 * is atomic, so a letter is either whole in a commit or absent.
 */
public final class Ingester {
  /** Observes progress: called after each file with the running counts. */
  public interface Progress {
    void update(int done, int total, int letters, int failed);

    /** Called after each commit, with the letters indexed so far. */
    default void committed(int letters) {}

    Progress NONE = (done, total, letters, failed) -> {};
  }

  private final ExtractionPipeline pipeline;
  private final LetterSink writer;
  private final int commitEvery;
  private final Duration commitInterval;

  public Ingester(
      ExtractionPipeline pipeline, LetterSink writer, int commitEvery, Duration commitInterval) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be at least 1, was " + commitEvery);
    }
    this.pipeline = pipeline;
    this.writer = writer;
    this.commitEvery = commitEvery;
    this.commitInterval = commitInterval;
  }

  /**
   * Ingests the letter files in {@code inputs}: files as given, directories walked ({@link
   * LetterFiles#expand}). Each input is recorded with its letters as the root their original may be
   * served from (a file given alone is its own root).
   */
  public IngestReport ingest(List<Path> inputs, Progress progress)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<Path> files = LetterFiles.expand(inputs);
    Set<Path> roots =
        inputs.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
    List<ExtractionFailure> failed = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    int[] counts = new int[4]; // letters, decisions, without decisions, warnings
    long[] lastCommit = {System.nanoTime(), 0}; // time, letters at that commit
    try (BackgroundCommits commits = new BackgroundCommits()) {
      // Letters are indexed on the worker threads as soon as they are extracted; the counting,
      // the report and the commits happen here, in input order.
      pipeline
          .then(extraction -> index(extraction, roots))
          .run(
              files,
              extraction -> {
                commits.reportFinished(progress);
                if (!extraction.ok()) {
                  failed.add(extraction.failure());
                } else {
                  Letter letter = extraction.letter();
                  counts[0]++;
                  counts[1] += letter.decisions().size();
                  counts[2] += letter.decisions().isEmpty() ? 1 : 0;
                  counts[3] += letter.warnings().size();
                  boolean due =
                      counts[0] - lastCommit[1] >= commitEvery
                          || System.nanoTime() - lastCommit[0] >= commitInterval.toNanos();
                  if (due && commits.start(counts[0])) {
                    lastCommit[0] = System.nanoTime();
                    lastCommit[1] = counts[0];
                  }
                }
                progress.update(done.incrementAndGet(), files.size(), counts[0], failed.size());
              });
      commits.awaitRunning(progress);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.commit();
    // Letters the engine took on put but could not keep (a cluster node down): failed, by name.
    for (LetterSink.Rejected r : writer.rejected()) {
      failed.add(new ExtractionFailure(r.letter().source(), "not indexed: " + r.reason()));
      counts[0]--;
      counts[1] -= r.letter().decisions().size();
      counts[2] -= r.letter().decisions().isEmpty() ? 1 : 0;
      counts[3] -= r.letter().warnings().size();
    }
    progress.committed(counts[0]);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new IngestReport(
        files.size(), counts[0], counts[1], counts[2], counts[3], failed, seconds);
  }

  /**
   * Commits on a thread of their own, one at a time. A commit flushes everything indexed since the
   * last one; done on the thread that feeds the workers, it left them idle meanwhile. Lucene lets
   * indexing go on during a commit; the commit holds at least the letters counted when it started.
   */
  private final class BackgroundCommits implements AutoCloseable {
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "commit");
              t.setDaemon(true);
              return t;
            });
    private Future<Integer> running;

    /**
     * Starts a commit holding the first {@code letters} letters; false when one is still running.
     */
    boolean start(int letters) {
      if (running != null) {
        return false;
      }
      running =
          thread.submit(
              () -> {
                writer.commit();
                return letters;
              });
      return true;
    }

    /** Tells {@code progress} about a commit that has finished; a failed commit stops the run. */
    void reportFinished(Progress progress) {
      if (running != null && running.isDone()) {
        progress.committed(outcome());
      }
    }

    /** Waits for a running commit and tells {@code progress}; a failed commit stops the run. */
    void awaitRunning(Progress progress) {
      if (running != null) {
        progress.committed(outcome());
      }
    }

    private int outcome() {
      Future<Integer> finished = running;
      running = null;
      try {
        return finished.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io
            ? new UncheckedIOException(io)
            : new IllegalStateException("commit failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while committing", e);
      }
    }

    /** Lets a running commit end before the writer can be closed under it (after a failed run). */
    @Override
    public void close() {
      thread.shutdown();
      boolean ended = false;
      while (!ended) {
        try {
          ended = thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * The nearest input that {@code file} is or is under (its own directories looked up, not every
   * input scanned: a bulk ingest may name 100,000 files); the file itself when none is.
   */
  private static Path rootOf(Path file, Set<Path> roots) {
    for (Path p = file; p != null; p = p.getParent()) {
      if (roots.contains(p)) {
        return p;
      }
    }
    return file;
  }

  /**
   * Indexes an extracted letter (on a worker thread); a letter the index refuses becomes a failure.
   */
  private Extraction index(Extraction extraction, Set<Path> roots) {
    if (!extraction.ok()) {
      return extraction;
    }
    try {
      SourceFile file = extraction.file();
      writer.put(extraction.letter(), file == null ? null : file.under(rootOf(file.path(), roots)));
      return extraction;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      return Extraction.failed(extraction.source(), "could not be indexed: " + e.getMessage());
    }
  }
}
