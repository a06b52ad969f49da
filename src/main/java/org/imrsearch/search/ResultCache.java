package org.imrsearch.search;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Results of recent requests, per point in time of the index: the same request against the same
 * index version has the same answer, so a popular search or rates table is computed once per index
 * change instead of once per visitor. Entries of an older index version are never asked for again
 * and age out.
 *
 * <p>Identical requests arriving together share one computation: the cache holds a future per
 * request, the first asker computes it on its own thread, outside the cache's locks, and the others
 * wait for that future only; a request for another key never waits for it. A failed computation is
 * not kept: those waiting for it get its failure, and the next asker computes again. Thread-safe.
 */
public final class ResultCache {
  /** Enough for the popular requests of a busy day, small enough to stay a modest share of heap. */
  public static final int DEFAULT_ENTRIES = 5_000;

  /**
   * Null when caching is off: Caffeine evicts a zero-size cache's entries only later, so they could
   * still be hit.
   */
  private final AsyncCache<Key, Object> cache;

  private record Key(Object indexVersion, Object request) {}

  /** A result computed on a miss. */
  public interface Compute<T> {
    T get() throws IOException;
  }

  /** A result, and whether it was already in the cache (rather than computed for this call). */
  public record Found<T>(T value, boolean cached) {}

  /** What the cache did since it was made. */
  public record Stats(long hits, long misses, long entries) {}

  /** A cache of at most {@code maxEntries} results; 0 turns caching off. */
  public ResultCache(int maxEntries) {
    this.cache =
        maxEntries <= 0
            ? null
            : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(Duration.ofMinutes(10))
                .executor(Runnable::run) // maintenance on the caller's thread, not a shared pool's
                .recordStats()
                .buildAsync();
  }

  /**
   * The result for {@code request} on {@code indexVersion}: computed by this call on a miss, else
   * the one computed (or being computed) for an identical earlier call.
   */
  @SuppressWarnings("unchecked")
  public <T> Found<T> get(Object indexVersion, Object request, Compute<T> compute)
      throws IOException {
    if (cache == null) {
      return new Found<>(compute.get(), false);
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    boolean[] computing = {false};
    CompletableFuture<Object> found =
        cache.get(
            new Key(indexVersion, request),
            (key, executor) -> {
              computing[0] = true;
              return mine; // only installed under the map's lock; computed below, outside it
            });
    if (!computing[0]) {
      return new Found<>((T) await(found), true);
    }
    T value;
    try {
      value = compute.get();
    } catch (IOException | RuntimeException | Error e) {
      mine.completeExceptionally(e); // Caffeine removes the entry of a failed future
      throw e;
    }
    mine.complete(value);
    return new Found<>(value, false);
  }

  private static Object await(CompletableFuture<Object> computation) throws IOException {
    try {
      return computation.join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException r -> throw r;
        case Error error -> throw error;
        default -> throw e;
      }
    }
  }

  public Stats stats() {
    if (cache == null) {
      return new Stats(0, 0, 0);
    }
    var s = cache.synchronous().stats();
    return new Stats(s.hitCount(), s.missCount(), cache.synchronous().estimatedSize());
  }
}
