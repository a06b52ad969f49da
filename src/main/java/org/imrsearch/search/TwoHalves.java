package org.imrsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One request's reading split in two and run side by side: the first half on a {@link
 * SearchThreads#waiting()} thread, the second on the caller, which then waits for the first.
 *
 * <p>For work that is all decompression of stored fields (the documents of a page of hits, a sample
 * of rationales): Lucene decompresses a chunk's dictionary and part for nearly every document read,
 * in native code, on the one thread that reads it, and that was most of a selective query's time
 * with a core left idle. The halves read with their own {@code StoredFields}, which are not shared
 * between threads. A waiting thread may wait for anything (the rule of {@link SearchThreads}), so
 * reading there never holds up a segment task.
 *
 * <p>Only a core that would otherwise be idle is worth it: the reading is split only when no other
 * read is under way and the segment threads have nothing to do ({@code idle}). Under a load of
 * concurrent requests every core is busy anyway, and splitting each request only added the
 * hand-over (a tenth of the uncached HTTP throughput when it always split).
 */
public final class TwoHalves {
  /** Fewer items than this are read on the caller alone: the hand-over would cost more. */
  static final int SPLIT_FROM = 4;

  /** Reads items {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  public interface Part<T> {
    List<T> read(int from, int to) throws IOException;
  }

  private final Executor waiting;
  private final BooleanSupplier idle;

  /** Reads under way, split or not. */
  private final AtomicInteger reading = new AtomicInteger();

  /**
   * @param waiting where the first half runs
   * @param idle whether the other search work leaves a core free now
   */
  public TwoHalves(Executor waiting, BooleanSupplier idle) {
    this.waiting = waiting;
    this.idle = idle;
  }

  /**
   * {@code part} over {@code 0..length}, in order: in two halves side by side when there are enough
   * items and a core is free, else on the caller alone.
   */
  public <T> List<T> read(int length, Part<T> part) throws IOException {
    int others = reading.getAndIncrement();
    try {
      if (length < SPLIT_FROM || others > 0 || !idle.getAsBoolean()) {
        return part.read(0, length);
      }
      return inTwo(length, part);
    } finally {
      reading.decrementAndGet();
    }
  }

  private <T> List<T> inTwo(int length, Part<T> part) throws IOException {
    int half = length / 2;
    CompletableFuture<List<T>> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return part.read(0, half);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            waiting);
    List<T> second;
    try {
      second = part.read(half, length);
    } finally {
      // Whatever happened here, the other half is done before the caller releases the searcher.
      first.handle((read, failure) -> null).join();
    }
    List<T> all;
    try {
      all = new ArrayList<>(first.join());
    } catch (CompletionException e) {
      throw unwrap(e);
    }
    all.addAll(second);
    return all;
  }

  /** The first half's failure as it was thrown there. */
  private static RuntimeException unwrap(CompletionException e) throws IOException {
    if (e.getCause() instanceof UncheckedIOException io) {
      throw io.getCause();
    }
    if (e.getCause() instanceof RuntimeException r) {
      return r;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return e;
  }
}
