package org.imrsearch.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Results of recent requests, per point in time of the index: the same request against the same
 * index version has the same answer, so a popular search or rates table is computed once per index
 * change instead of once per visitor. Identical requests arriving together wait for one
 * computation. Entries of an older index version are never asked for again and age out; failed
 * requests are not kept.
 */
public final class ResultCache {
  /** Enough for the popular requests of a busy day, small enough to stay a modest share of heap. */
  public static final int DEFAULT_ENTRIES = 5_000;

  /**
   * Null when caching is off: Caffeine evicts a zero-size cache's entries only later, so they could
   * still be hit.
   */
  private final Cache<Key, Object> cache;

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
                .recordStats()
                .build();
  }

  /** The result for {@code request} on {@code indexVersion}, computed on a miss. */
  @SuppressWarnings("unchecked")
  public <T> Found<T> get(Object indexVersion, Object request, Compute<T> compute)
      throws IOException {
    if (cache == null) {
      return new Found<>(compute.get(), false);
    }
    boolean[] computed = {false};
    try {
      T value =
          (T)
              cache.get(
                  new Key(indexVersion, request),
                  k -> {
                    computed[0] = true;
                    try {
                      return compute.get();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      return new Found<>(value, !computed[0]);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public Stats stats() {
    if (cache == null) {
      return new Stats(0, 0, 0);
    }
    var s = cache.stats();
    return new Stats(s.hitCount(), s.missCount(), cache.estimatedSize());
  }
}
