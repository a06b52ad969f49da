package org.imrsearch.ingest;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.extract.NotALetterException;
import org.imrsearch.model.SourceFile;

/**
 * Reads and extracts files on all cores and hands each result, in input order, to a consumer. At
 * most {@value #IN_FLIGHT_PER_THREAD} files per thread are in flight (running, or done and waiting
 * for their turn: a few MB of typical letters, at worst that many times the 1 million characters a
 * letter may have), so memory stays flat however many files there are. A file that fails, or takes
 * longer than the per-letter limit, becomes a failure result; nothing stops the run.
 */
public final class ExtractionPipeline {
  /** Real letters take milliseconds; a letter still running after this is given up. */
  public static final Duration DEFAULT_LETTER_LIMIT = Duration.ofSeconds(30);

  /**
   * Letters in flight: running, or done and waiting in order behind a slow one. The index flushes a
   * segment on the thread of the letter that fills its buffer; with room for only 4 a thread, the
   * other workers soon stood idle behind that letter (measured in docs/benchmarks.md).
   */
  private static final int IN_FLIGHT_PER_THREAD = 64;

  /** How often the feeder, with every worker busy, checks whether the oldest letter overran. */
  private static final long POLL_MILLIS = 50;

  /**
   * Files loaded ahead of the workers: a few milliseconds of work, a few MB at most for real
   * letters.
   */
  private static final int READ_AHEAD_FILES = 16;

  private final Function<Path, Extraction> worker;
  private final int threads;
  private final Duration letterLimit;

  /** Where the worker takes its files' bytes from; null when the worker reads files itself. */
  private final ReadAhead readAhead;

  /** A pipeline with an arbitrary per-file worker (tests use it to simulate a hung letter). */
  public ExtractionPipeline(Function<Path, Extraction> worker, int threads, Duration letterLimit) {
    this(worker, threads, letterLimit, null);
  }

  public ExtractionPipeline(LetterFileReader reader, LetterExtractor extractor, int threads) {
    this(reader, extractor, threads, new ReadAhead(reader));
  }

  private ExtractionPipeline(
      LetterFileReader reader, LetterExtractor extractor, int threads, ReadAhead readAhead) {
    this(
        file -> extract(reader, extractor, file, readAhead),
        threads,
        DEFAULT_LETTER_LIMIT,
        readAhead);
  }

  private ExtractionPipeline(
      Function<Path, Extraction> worker, int threads, Duration letterLimit, ReadAhead readAhead) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.worker = worker;
    this.threads = threads;
    this.letterLimit = letterLimit;
    this.readAhead = readAhead;
  }

  /**
   * This pipeline with one more step run on the worker threads after extraction (the ingester
   * indexes there, so that analysis and indexing use every core too).
   */
  public ExtractionPipeline then(Function<Extraction, Extraction> step) {
    return new ExtractionPipeline(worker.andThen(step), threads, letterLimit, readAhead);
  }

  /**
   * Extracts every file, calling {@code sink} once per file, in the order of {@code files}. One run
   * at a time: the files loaded ahead belong to the run.
   */
  public void run(List<Path> files, Consumer<Extraction> sink) throws InterruptedException {
    // A fixed set of threads that live for the whole run: the analyzers Lucene caches per thread
    // are built once per thread, not once per letter (a new thread for each letter cost a third
    // of the ingest). Java cannot stop a thread, so a letter that overruns its limit keeps its
    // thread; the pool then grows by one (see await), and the semaphore keeps the number of
    // working threads at `threads`.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread t = new Thread(runnable, "extract");
              t.setDaemon(true);
              return t;
            });
    Semaphore working = new Semaphore(threads);
    try {
      Deque<Task> inFlight = new ArrayDeque<>();
      int requested = 0;
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        for (;
            readAhead != null && requested < Math.min(files.size(), i + READ_AHEAD_FILES);
            requested++) {
          readAhead.request(files.get(requested));
        }
        // Wait for a free worker; meanwhile hand on the oldest letter when it is done or has
        // overrun its limit (giving it up frees its worker: without this, as many runaway
        // letters as threads would leave no worker and nobody to give up on them).
        while (!working.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          Task oldest = inFlight.peekFirst();
          if (oldest != null && (oldest.future().isDone() || oldest.overran(letterLimit))) {
            sink.accept(await(pool, inFlight.removeFirst()));
          }
        }
        inFlight.add(submit(pool, working, file));
        // Hand on what is done at once (progress and commits follow the work), and wait for the
        // oldest only when the window is full.
        while (!inFlight.isEmpty() && inFlight.peekFirst().future().isDone()) {
          sink.accept(await(pool, inFlight.removeFirst()));
        }
        if (inFlight.size() >= threads * IN_FLIGHT_PER_THREAD) {
          sink.accept(await(pool, inFlight.removeFirst()));
        }
      }
      while (!inFlight.isEmpty()) {
        sink.accept(await(pool, inFlight.removeFirst()));
      }
    } finally {
      pool.shutdownNow();
      if (readAhead != null) {
        readAhead.forget();
      }
    }
  }

  /**
   * A submitted file; its working permit is given back exactly once, by the task or by a timeout. A
   * free worker starts it at once, so its limit runs from {@code submitted} (reading the file
   * included: a worker never waits for a read-ahead that has not started).
   */
  private record Task(Path file, Future<Extraction> future, Runnable release, long submitted) {
    long nanosLeft(Duration limit) {
      return limit.toNanos() - (System.nanoTime() - submitted);
    }

    boolean overran(Duration limit) {
      return nanosLeft(limit) <= 0;
    }
  }

  private Task submit(ExecutorService pool, Semaphore working, Path file) {
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            working.release();
          }
        };
    long submitted = System.nanoTime();
    Future<Extraction> future =
        pool.submit(
            () -> {
              try {
                return worker.apply(file);
              } finally {
                release.run();
              }
            });
    return new Task(file, future, release, submitted);
  }

  private Extraction await(ThreadPoolExecutor pool, Task task) throws InterruptedException {
    try {
      return task.future().get(Math.max(0, task.nanosLeft(letterLimit)), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.future().cancel(true);
      task.release().run();
      // The overrunning letter keeps its thread (an interrupt does not stop a regex): a new
      // thread takes its place.
      pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
      pool.setCorePoolSize(pool.getCorePoolSize() + 1);
      return Extraction.failed(
          task.file().toString(),
          String.format(
              Locale.ROOT,
              "gave up after %.1f s: the letter is too large or too garbled to extract",
              letterLimit.toMillis() / 1000.0));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io; // the index could not be written (disk full, ...): stop the run, it cannot go on
      }
      return Extraction.failed(task.file().toString(), "extractor error: " + e.getCause());
    }
  }

  /** Reads and extracts one file; never throws. */
  public static Extraction extract(LetterFileReader reader, LetterExtractor extractor, Path file) {
    return extract(reader, extractor, file, null);
  }

  private static Extraction extract(
      LetterFileReader reader, LetterExtractor extractor, Path file, ReadAhead readAhead) {
    String source = file.toString();
    try {
      byte[] bytes = readAhead != null ? readAhead.take(file) : reader.load(file);
      // Hashed from the bytes already read: the file is read once.
      return Extraction.of(
          extractor.extract(source, reader.text(file, bytes)), SourceFile.of(file, bytes));
    } catch (UnreadableFileException | NotALetterException e) {
      return Extraction.failed(source, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // An extractor bug must cost one letter, not the run: report it as that letter's failure.
      return Extraction.failed(source, "extractor error: " + e);
    }
  }

  /** Extracts one file with this pipeline's worker (no time limit: for tools and tests). */
  public Extraction extract(Path file) {
    return worker.apply(file);
  }
}
