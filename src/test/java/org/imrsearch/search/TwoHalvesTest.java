package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request's reading split in two: side by side, in order, and failing as the part failed. */
class TwoHalvesTest {
  private final ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();
  private final TwoHalves halves = new TwoHalves(waiting, () -> true);

  @AfterEach
  void stop() {
    waiting.shutdownNow();
  }

  @Test
  void readsBothHalvesSideBySideAndKeepsTheOrder() throws IOException {
    // Each half waits until the other has started: only halves run at once get past it.
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<Integer> read =
        halves.read(
            20,
            (from, to) -> {
              threads.add(Thread.currentThread());
              bothStarted.countDown();
              try {
                assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "the other half started");
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
              return IntStream.range(from, to).boxed().toList();
            });
    assertEquals(IntStream.range(0, 20).boxed().toList(), read);
    assertEquals(2, threads.size());
    assertTrue(threads.contains(Thread.currentThread()), "the caller reads the second half");
  }

  @Test
  void aFewItemsAreReadOnTheCallerAlone() throws IOException {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<Integer> read =
        halves.read(
            TwoHalves.SPLIT_FROM - 1,
            (from, to) -> {
              threads.add(Thread.currentThread());
              return IntStream.range(from, to).boxed().toList();
            });
    assertEquals(IntStream.range(0, TwoHalves.SPLIT_FROM - 1).boxed().toList(), read);
    assertEquals(Set.of(Thread.currentThread()), threads);
    assertEquals(List.of(), halves.read(0, (from, to) -> List.of()));
  }

  @Test
  void noCoreFreeOrAnotherReadUnderWayReadsOnTheCallerAlone() throws Exception {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    TwoHalves.Part<Integer> part =
        (from, to) -> {
          threads.add(Thread.currentThread());
          return IntStream.range(from, to).boxed().toList();
        };
    assertEquals(20, new TwoHalves(waiting, () -> false).read(20, part).size());
    assertEquals(Set.of(Thread.currentThread()), threads);

    // A read under way on another thread: the next one does not split.
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var underWay =
        waiting.submit(
            () ->
                halves.read(
                    2,
                    (from, to) -> {
                      inside.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        throw new IOException(e);
                      }
                      return List.of();
                    }));
    assertTrue(inside.await(10, TimeUnit.SECONDS));
    threads.clear();
    assertEquals(20, halves.read(20, part).size());
    assertEquals(Set.of(Thread.currentThread()), threads);
    release.countDown();
    underWay.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFailureOfTheFirstHalfIsThrownAsItWasThrown() {
    IOException io = firstHalfFails(IOException.class, new IOException("first half unreadable"));
    assertEquals("first half unreadable", io.getMessage());
    TimeLimitException late =
        firstHalfFails(
            TimeLimitException.class,
            new TimeLimitException("the query", Duration.ofSeconds(2), "narrow it"));
    assertTrue(late.getMessage().contains("the query"), late.getMessage());
  }

  /** What a read throws when only its first half throws {@code failure}. */
  private <E extends Exception> E firstHalfFails(Class<E> type, Exception failure) {
    return assertThrows(
        type,
        () ->
            halves.read(
                10,
                (from, to) -> {
                  if (from > 0) {
                    return List.of();
                  }
                  if (failure instanceof IOException e) {
                    throw e;
                  }
                  throw (RuntimeException) failure;
                }));
  }

  @Test
  void aFailureOfTheSecondHalfWaitsForTheFirstBeforeItIsThrown() {
    Set<String> finished = ConcurrentHashMap.newKeySet();
    assertThrows(
        IllegalStateException.class,
        () ->
            halves.read(
                10,
                (from, to) -> {
                  if (from == 0) {
                    try {
                      Thread.sleep(200);
                    } catch (InterruptedException e) {
                      throw new IOException(e);
                    }
                    finished.add("first");
                    return List.of();
                  }
                  throw new IllegalStateException("second half");
                }));
    // The searcher is released after read returns: no half may still be reading it then.
    assertEquals(Set.of("first"), finished);
  }
}
