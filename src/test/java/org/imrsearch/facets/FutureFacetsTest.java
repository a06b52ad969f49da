package org.imrsearch.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FutureFacetsTest {
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void answersWithTheCountsOnceCountingIsDone() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Facets pending =
        FutureFacets.start(
            () -> {
              awaitUninterruptibly(release);
              return new Fixed(7);
            },
            threads);
    release.countDown();
    assertEquals(7, pending.getSpecificValue("outcome", "Overturned"));
    assertEquals(7, pending.getTopChildren(10, "outcome").value);
  }

  @Test
  void reportsTheCountingsIoErrorToTheReader() {
    Facets pending =
        FutureFacets.start(
            () -> {
              throw new IOException("segment gone");
            },
            threads);
    IOException e = assertThrows(IOException.class, () -> pending.getTopChildren(10, "specialty"));
    assertEquals("segment gone", e.getMessage());
  }

  @Test
  void awaitQuietlyWaitsForAFailedCountingWithoutThrowing() {
    AtomicBoolean finished = new AtomicBoolean();
    Facets pending =
        FutureFacets.start(
            () -> {
              // Long enough that a caller which did not wait would see it unfinished.
              LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
              finished.set(true);
              throw new IllegalStateException("reader closed");
            },
            threads);
    FutureFacets.awaitQuietly(pending);
    assertTrue(finished.get());
    FutureFacets.awaitQuietly(new Fixed(1)); // counted facets: nothing to wait for
    assertFalse(Thread.currentThread().isInterrupted());
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

  /** Facets that answer every question with one count. */
  private static final class Fixed extends Facets {
    private final int count;

    Fixed(int count) {
      this.count = count;
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) {
      return getTopChildren(1, dim, path);
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) {
      return new FacetResult(
          dim, path, count, new LabelAndValue[] {new LabelAndValue("x", count)}, 1);
    }

    @Override
    public Number getSpecificValue(String dim, String... path) {
      return count;
    }

    @Override
    public List<FacetResult> getAllDims(int topN) {
      return List.of();
    }
  }
}
