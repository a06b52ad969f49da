package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.imrsearch.query.BadRequestException;
import org.junit.jupiter.api.Test;

class ResultCacheTest {
  private final Object version = new Object();

  @Test
  void computesOncePerRequestAndIndexVersion() throws IOException {
    ResultCache cache = new ResultCache(10);
    AtomicInteger computed = new AtomicInteger();
    assertEquals(
        new ResultCache.Found<>("a1", false),
        cache.get(version, "q", () -> "a" + computed.incrementAndGet()));
    assertEquals(
        new ResultCache.Found<>("a1", true),
        cache.get(version, "q", () -> "a" + computed.incrementAndGet()));
    assertEquals(
        new ResultCache.Found<>("b", false),
        cache.get(new Object(), "q", () -> "b"),
        "a new index version is a new answer");
    assertEquals(1, computed.get());
    assertEquals(new ResultCache.Stats(1, 2, 2), cache.stats());
  }

  @Test
  void aCacheOfSizeZeroAlwaysComputes() throws IOException {
    ResultCache off = new ResultCache(0);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      assertEquals(false, off.get(version, "q", computed::incrementAndGet).cached());
    }
    assertEquals(5, computed.get());
  }

  @Test
  void failuresAreNotKept() throws IOException {
    ResultCache cache = new ResultCache(10);
    assertThrows(
        IOException.class,
        () ->
            cache.get(
                version,
                "q",
                () -> {
                  throw new IOException("disk");
                }));
    assertThrows(
        BadRequestException.class,
        () ->
            cache.get(
                version,
                "q",
                () -> {
                  throw new BadRequestException("bad");
                }));
    assertEquals(new ResultCache.Found<>("ok", false), cache.get(version, "q", () -> "ok"));
  }
}
