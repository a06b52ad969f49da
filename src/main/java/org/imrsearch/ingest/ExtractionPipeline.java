package org.imrsearch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.extract.NotALetterException;

/**
 * Reads and extracts files on all cores and hands each result, in input order, to a consumer.
 * At most a few files per thread are in flight, so memory stays flat however many files there
 * are. A file that fails becomes a failure result; nothing stops the run.
 */
public final class ExtractionPipeline {
  private static final int IN_FLIGHT_PER_THREAD = 4;

  private final LetterFileReader reader;
  private final LetterExtractor extractor;
  private final int threads;

  public ExtractionPipeline(LetterFileReader reader, LetterExtractor extractor, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.reader = reader;
    this.extractor = extractor;
    this.threads = threads;
  }

  /** Extracts every file, calling {@code sink} once per file, in the order of {@code files}. */
  public void run(List<Path> files, Consumer<Extraction> sink) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread t = new Thread(runnable, "extract");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<Extraction>> inFlight = new ArrayDeque<>();
      for (Path file : files) {
        inFlight.add(pool.submit(() -> extract(file)));
        if (inFlight.size() >= threads * IN_FLIGHT_PER_THREAD) {
          sink.accept(await(inFlight.removeFirst()));
        }
      }
      while (!inFlight.isEmpty()) {
        sink.accept(await(inFlight.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads and extracts one file; never throws. */
  public Extraction extract(Path file) {
    String source = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        return Extraction.failed(source, Files.exists(file) ? "not a regular file" : "no such file");
      }
      return Extraction.of(extractor.extract(source, reader.read(file)));
    } catch (UnreadableFileException | NotALetterException e) {
      return Extraction.failed(source, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // An extractor bug must cost one letter, not the run: report it as that letter's failure.
      return Extraction.failed(source, "extractor error: " + e);
    }
  }

  private static Extraction await(Future<Extraction> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("extract() never throws", e.getCause());
    }
  }
}
