package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.imrsearch.model.Letter;
import org.junit.jupiter.api.Test;

/** The pipeline keeps input order and gives up on a letter that never finishes. */
class ExtractionPipelineTest {
  @Test
  void aLetterThatNeverFinishesIsReportedAndTheRunGoesOn() throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    ExtractionPipeline pipeline = new ExtractionPipeline(file -> {
      if (file.toString().equals("hangs.txt")) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Extraction.of(new Letter(file.toString(), file.toString(), "test", false, null, null, null, null, null, null,
          null, null, List.of(), "", List.of(), List.of(), ""));
    }, 2, Duration.ofMillis(300));
    List<Extraction> results = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      files.add(Path.of(i == 5 ? "hangs.txt" : "letter-" + i + ".txt"));
    }
    pipeline.run(files, results::add);
    assertEquals(20, results.size());
    assertEquals(files.stream().map(Path::toString).toList(), results.stream().map(Extraction::source).toList(), "input order");
    Extraction hung = results.get(5);
    assertTrue(!hung.ok() && hung.failure().error().startsWith("gave up after 0.3 s"), hung.toString());
    assertEquals(19, results.stream().filter(Extraction::ok).count());
  }
}
