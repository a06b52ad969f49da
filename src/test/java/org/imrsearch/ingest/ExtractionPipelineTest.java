package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imrsearch.model.Letter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pipeline keeps input order and gives up on a letter that never finishes. */
class ExtractionPipelineTest {
  @Test
  void aLetterThatNeverFinishesIsReportedAndTheRunGoesOn() throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    ExtractionPipeline pipeline =
        new ExtractionPipeline(
            file -> {
              if (file.toString().equals("hangs.txt")) {
                try {
                  never.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return Extraction.of(letter(file));
            },
            2,
            Duration.ofMillis(300));
    List<Extraction> results = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      files.add(Path.of(i == 5 ? "hangs.txt" : "letter-" + i + ".txt"));
    }
    pipeline.run(files, results::add);
    assertEquals(20, results.size());
    assertEquals(
        files.stream().map(Path::toString).toList(),
        results.stream().map(Extraction::source).toList(),
        "input order");
    Extraction hung = results.get(5);
    assertTrue(
        !hung.ok() && hung.failure().error().startsWith("gave up after 0.3 s"), hung.toString());
    assertEquals(19, results.stream().filter(Extraction::ok).count());
  }

  @Test
  @Timeout(30) // the failure this guards against is a run that never ends
  void lettersThatIgnoreTheInterruptKeepTheirThreadsAndTheOthersStillGetTwo()
      throws InterruptedException {
    // A runaway regex does not answer an interrupt: its thread stays busy after the letter is
    // given up. Three such letters on two threads must not leave the rest without a thread.
    CountDownLatch testOver = new CountDownLatch(1);
    ExtractionPipeline pipeline =
        new ExtractionPipeline(
            file -> {
              if (file.toString().startsWith("runaway")) {
                boolean over = false;
                while (!over) {
                  try {
                    over = testOver.await(10, TimeUnit.MILLISECONDS);
                  } catch (InterruptedException ignored) {
                    // like a regex: carries on
                  }
                }
              }
              return Extraction.of(letter(file));
            },
            2,
            Duration.ofMillis(300));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      files.add(
          Path.of(i == 3 || i == 4 || i == 11 ? "runaway-" + i + ".txt" : "letter-" + i + ".txt"));
    }
    List<Extraction> results = new ArrayList<>();
    try {
      pipeline.run(files, results::add);
    } finally {
      testOver.countDown();
    }
    assertEquals(
        files.stream().map(Path::toString).toList(),
        results.stream().map(Extraction::source).toList(),
        "input order");
    assertEquals(17, results.stream().filter(Extraction::ok).count());
    assertTrue(
        results.stream().filter(r -> !r.ok()).allMatch(r -> r.source().startsWith("runaway")));
  }

  private static Letter letter(Path file) {
    return new Letter(
        file.toString(),
        file.toString(),
        "test",
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        "",
        List.of(),
        List.of(),
        "");
  }
}
