package org.imrsearch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrsearch.generate.CorpusWriter;
import org.imrsearch.generate.LetterGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imr generate}: a deterministic corpus of realistic synthetic letters, for scale tests. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic IMR letters in every layout the extractor knows (mostly the 2016+ layout),"
          + " with",
      "realistic variety and PDF debris. Every letter says it is synthetic (a banner line, case"
          + " numbers SYyy-nnnnnnn).",
      "The same --seed writes the same letters."
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--letters", required = true, paramLabel = "N", description = "How many letters.")
  long letters;

  @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (folders of 1,000 letters).")
  Path out;

  @Option(
      names = "--layouts",
      split = ",",
      paramLabel = "LAYOUT",
      description =
          "Only these layouts (dwc-2016, maximus-2013, professional-review, notice-2013); default:"
              + " the real mix.")
  List<String> layouts = List.of();

  @Option(
      names = "--pdf-fraction",
      paramLabel = "F",
      description = "Fraction of letters written as PDF (default: ${DEFAULT-VALUE}).")
  double pdfFraction = 0;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    long bytes =
        new CorpusWriter(new LetterGenerator(seed, layouts), pdfFraction).write(out, letters);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "generate: %,d letters, %.1f MB in %s, %.1f s (%,.0f letters/s)%n",
        letters,
        bytes / 1e6,
        out,
        seconds,
        letters / seconds);
    return 0;
  }
}
