package org.imrsearch.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.imrsearch.ingest.Ingester;

/**
 * A one-line terminal progress bar: files, letters per second, failures; redrawn at most 5 times a
 * second.
 */
final class ProgressBar implements Ingester.Progress {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final long start = System.nanoTime();
  private long lastDraw;
  private String last = "";

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void update(int done, int total, int letters, int failed) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS && done < total) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    double seconds = (now - start) / 1e9;
    last =
        String.format(
            Locale.ROOT,
            "\r[%s%s] %d/%d files  %.0f letters/s  %d failed ",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            done,
            total,
            seconds > 0 ? letters / seconds : 0,
            failed);
    out.print(last);
    out.flush();
  }

  void finish() {
    if (!last.isEmpty()) {
      out.println();
    }
  }
}
