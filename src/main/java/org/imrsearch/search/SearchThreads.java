package org.imrsearch.search;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that serve searches over one index, and the rule that keeps them from deadlocking.
 *
 * <p>Two kinds of work, two executors:
 *
 * <ul>
 *   <li>{@link #segments()}: a bounded pool of platform threads, one per core, for CPU work on one
 *       segment or slice: the slices of a search (the {@code IndexSearcher}'s executor), and the
 *       per-segment tasks of facet counting (bit sets, Lucene's concurrent doc-value counts).
 *   <li>{@link #waiting()}: a virtual thread per task, for work that waits for other work: facets
 *       counted in the background while a page of hits is read, the searches of drill sideways, run
 *       side by side, and the first half of a request's stored-field reading ({@link TwoHalves}).
 * </ul>
 *
 * <p>The rule, who may block on whom:
 *
 * <ol>
 *   <li>A task on {@link #segments()} never waits for another task. It computes and returns (it may
 *       briefly wait for a cache entry that another running task is loading, never for a queued
 *       one).
 *   <li>Request threads and {@link #waiting()} threads may wait for tasks of either executor.
 *   <li>A caller that splits work into segment tasks through Lucene's {@code TaskExecutor} (every
 *       {@code IndexSearcher} search, bit-set counting) also runs its own tasks that no thread has
 *       started yet, so it finishes even when every segment thread is busy with other queries.
 *   <li>Lucene's {@code ConcurrentSortedSetDocValuesFacetCounts} submits to {@link #segments()} and
 *       waits on the futures without running them itself, so it is only ever called from request or
 *       {@link #waiting()} threads (by rule 1).
 * </ol>
 *
 * <p>Why that cannot deadlock: every wait ends at tasks on {@link #segments()}, which wait for
 * nothing and so finish; {@link #waiting()} has no bound, so no task waits for a free waiting
 * thread. Any number of concurrent queries then only queue for cores. {@code
 * SearchThreadsDeadlockTest} drives many more broad, filtered searches at once than there are
 * segment threads.
 */
public final class SearchThreads implements AutoCloseable {
  private final ExecutorService segments;
  private final ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();

  /** One segment thread per core. */
  public SearchThreads() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** {@code segmentThreads} segment threads. */
  public SearchThreads(int segmentThreads) {
    if (segmentThreads < 1) {
      throw new IllegalArgumentException(
          "segment threads must be 1 or more, was " + segmentThreads);
    }
    AtomicInteger n = new AtomicInteger();
    this.segments =
        Executors.newFixedThreadPool(
            segmentThreads,
            r -> {
              Thread t = new Thread(r, "search-segment-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Bounded platform threads for per-segment CPU work that never waits for other tasks. */
  public ExecutorService segments() {
    return segments;
  }

  /** Whether the segment threads are all idle and none of their tasks waits: a core is free. */
  public boolean segmentsIdle() {
    return segments instanceof ThreadPoolExecutor pool
        && pool.getActiveCount() == 0
        && pool.getQueue().isEmpty();
  }

  /** Virtual threads for work that waits for other tasks. */
  public ExecutorService waiting() {
    return waiting;
  }

  /** Stops both executors, interrupting whatever still runs. */
  @Override
  public void close() {
    segments.shutdownNow();
    waiting.shutdownNow();
  }
}
