package org.imrsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.imrsearch.extract.ExtractionStats;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.ingest.LetterFiles;
import org.imrsearch.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imr extract}: letters in, one JSON object per letter per line out. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts the structured fields of letters (PDF or text) and prints one JSON object per"
          + " letter per line.",
      "A file that cannot be read, or is not an IMR letter, prints {\"source\": ..., \"error\":"
          + " ...} and the run goes on.",
      "Exit code: 0 when every file was a letter, 1 when any failed."
    })
final class ExtractCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Letter files or directories (searched recursively for .pdf and .txt).")
  List<Path> paths;

  @Option(
      names = "--with-text",
      description = "Also print each letter's cleaned full text (field \"text\").")
  boolean withText;

  @Option(
      names = "--stats",
      description =
          "Instead of the letters, print what was found: letters and decisions with a value per"
              + " field, warnings by kind, the most frequent specialties and citation paths.")
  boolean stats;

  @Option(names = "--threads", description = "Extraction threads (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ObjectMapper mapper = Json.newMapper();
    ExtractionPipeline pipeline =
        new ExtractionPipeline(
            new LetterFileReader(), new LetterExtractor(config.vocabulary()), threads);
    int[] failures = {0};
    ExtractionStats report = new ExtractionStats();
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    pipeline.run(
        LetterFiles.expand(paths),
        extraction -> {
          failures[0] += extraction.ok() ? 0 : 1;
          if (stats) {
            if (extraction.ok()) {
              report.add(extraction.letter());
            } else {
              report.addFailure();
            }
            return;
          }
          try {
            Object value =
                !extraction.ok()
                    ? extraction.failure()
                    : withText
                        ? extraction.letter()
                        : Json.withoutText(mapper, extraction.letter());
            out.write(mapper.writeValueAsString(value));
            out.newLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    out.flush();
    if (stats) {
      report.print(System.out);
    }
    return failures[0] == 0 ? 0 : 1;
  }
}
