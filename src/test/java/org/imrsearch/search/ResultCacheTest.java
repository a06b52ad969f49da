package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.imrsearch.query.BadRequestException;
import org.junit.jupiter.api.Test;

/**
 * The cache computes a result once per request and index version, shares one computation among
 * identical requests arriving together, never keeps a failure, and never makes one request wait for
 * another's computation.
 */
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

  @Test
  void identicalRequestsArrivingTogetherShareOneComputation() throws Exception {
    ResultCache cache = new ResultCache(10);
    int askers = 16;
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch allAsking = new CountDownLatch(askers);
    ExecutorService threads = Executors.newFixedThreadPool(askers);
    try {
      List<Future<ResultCache.Found<String>>> answers = new ArrayList<>();
      for (int i = 0; i < askers; i++) {
        answers.add(
            threads.submit(
                () -> {
                  allAsking.countDown();
                  allAsking.await();
                  return cache.get(
                      version,
                      "q",
                      () -> {
                        computed.incrementAndGet();
                        LockSupport.parkNanos(Duration.ofMillis(300).toNanos()); // all ask now
                        return "answer";
                      });
                }));
      }
      int computedHere = 0;
      for (Future<ResultCache.Found<String>> answer : answers) {
        ResultCache.Found<String> found = answer.get(10, TimeUnit.SECONDS);
        assertEquals("answer", found.value());
        computedHere += found.cached() ? 0 : 1;
      }
      assertEquals(1, computed.get());
      assertEquals(1, computedHere, "one asker computed, the others were given its result");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSlowComputationDoesNotHoldUpRequestsForOtherKeys() throws Exception {
    ResultCache cache = new ResultCache(1000);
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      Future<ResultCache.Found<String>> slow =
          threads.submit(
              () ->
                  cache.get(
                      version,
                      "slow",
                      () -> {
                        computing.countDown();
                        awaitUninterruptibly(release);
                        return "slow answer";
                      }));
      computing.await();
      // Many keys, so that some share the slow key's bin of the cache's hash table: a cache that
      // computed inside the map's lock would hold them up.
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 500; i++) {
              String key = "other " + i;
              assertEquals(key, cache.get(version, key, () -> key).value());
            }
          });
      assertFalse(slow.isDone());
      release.countDown();
      assertEquals(new ResultCache.Found<>("slow answer", false), slow.get(10, TimeUnit.SECONDS));
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean done = false;
    while (!done) {
      try {
        latch.await();
        done = true;
      } catch (InterruptedException e) {
        // keep waiting: the test releases the latch
      }
    }
  }
}
