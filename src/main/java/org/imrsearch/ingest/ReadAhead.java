package org.imrsearch.ingest;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Loads letter files ahead of the extraction threads, on I/O threads of its own. Read from a disk
 * whose cache does not hold the corpus, a worker that loaded its own file sat idle while the disk
 * seeked: a sixth of an ingest of generated letters. With the next files already loaded, the
 * workers only compute. It holds only the files requested and not yet taken (the pipeline requests
 * 16 ahead: about 100 KB of text letters, at worst 16 times the 20 MB a file may have); its threads
 * end when it has been idle for a few seconds.
 */
final class ReadAhead {
  private static final int IO_THREADS = 4;
  private static final long IDLE_SECONDS = 5;

  private final LetterFileReader reader;
  private final ThreadPoolExecutor io;
  private final Map<Path, Future<byte[]>> requested = new ConcurrentHashMap<>();

  ReadAhead(LetterFileReader reader) {
    this.reader = reader;
    this.io =
        new ThreadPoolExecutor(
            IO_THREADS,
            IO_THREADS,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "read-ahead");
              t.setDaemon(true);
              return t;
            });
    io.allowCoreThreadTimeOut(true);
  }

  /** Starts loading {@code file} (once, however often it is requested before it is taken). */
  void request(Path file) {
    requested.computeIfAbsent(file, f -> io.submit(() -> reader.load(f)));
  }

  /**
   * Drops what was loaded and not taken (a run that stopped early), so no later run sees stale
   * bytes.
   */
  void forget() {
    requested.values().forEach(f -> f.cancel(true));
    requested.clear();
  }

  /**
   * The bytes of {@code file}: the ones loaded ahead when it was requested, else read now. A worker
   * never waits for a load that has not started (the I/O threads are behind, or stuck on a slow
   * file): it reads the file itself.
   */
  byte[] take(Path file) throws UnreadableFileException {
    Future<byte[]> ahead = requested.remove(file);
    if (ahead == null || (!ahead.isDone() && ahead.cancel(false))) {
      return reader.load(file);
    }
    try {
      return ahead.get();
    } catch (CancellationException e) {
      return reader.load(file); // forgotten while running (a run that stopped early)
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnreadableFileException unreadable) {
        throw unreadable;
      }
      throw new UnreadableFileException("cannot read file: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableFileException("interrupted while reading the file", e);
    }
  }
}
