package org.imrsearch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.LetterIndexWriter;
import org.imrsearch.ingest.ExtractionPipeline;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.ingest.Ingester;
import org.imrsearch.ingest.LetterFileReader;
import org.imrsearch.ingest.LetterSink;
import org.imrsearch.model.ExtractionFailure;
import org.imrsearch.model.Json;
import org.imrsearch.solr.SolrCollection;
import org.imrsearch.solr.SolrLetterWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code imr ingest}: letters in, a faceted Lucene index (or a Solr collection) out, with a report.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts letters (PDF or text) and indexes them. Re-ingesting a letter replaces it; new"
          + " letters are added.",
      "Prints a summary and writes a JSON report. Exit code: 0 when every file went in, 1 when any"
          + " failed",
      "(every good letter is indexed all the same)."
    })
final class IngestCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Letter files or directories (searched recursively for .pdf and .txt). The server"
              + " opens a letter's original file only from inside the path it was found under.")
  List<Path> paths;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (created if missing); or --solr.")
  Path index;

  @Mixin SolrOption solr;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Where to write the JSON report (default: DIR/ingest-report.json, or"
              + " ingest-report.json here with --solr).")
  Path report;

  @Option(names = "--threads", description = "Extraction threads (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      description =
          "Commit every N letters, bounding what a crash loses (default: ${DEFAULT-VALUE}).")
  int commitEvery = 10_000;

  @Option(
      names = "--commit-seconds",
      paramLabel = "S",
      description =
          "Also commit when S seconds have passed since the last commit, so a running server sees"
              + " new letters (default: ${DEFAULT-VALUE}).")
  int commitSeconds = 5;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if ((index == null) == !solr.given()) {
      throw new UserError("give either --index DIR or --solr URL (with --collection NAME)");
    }
    PrintStream progress = quiet || System.console() == null ? null : System.err;
    IngestReport result;
    Path reportFile;
    if (index != null) {
      result =
          run(
              paths,
              index,
              config.source(),
              threads,
              commitEvery,
              Duration.ofSeconds(commitSeconds),
              progress);
      reportFile = report != null ? report : index.resolve("ingest-report.json");
    } else {
      try (SolrCollection collection =
          SolrCollection.connect(solr.options(), SOLR_TIMEOUT_MILLIS)) {
        collection.requireSchema();
        try (SolrLetterWriter writer = new SolrLetterWriter(collection, Json.newMapper())) {
          result =
              run(
                  paths,
                  writer,
                  config.source(),
                  threads,
                  commitEvery,
                  Duration.ofSeconds(commitSeconds),
                  progress);
        }
      }
      reportFile = report != null ? report : Path.of("ingest-report.json");
    }
    Json.newMapper().writerWithDefaultPrettyPrinter().writeValue(reportFile.toFile(), result);
    printSummary(result, reportFile, System.out);
    return result.allIndexed() ? 0 : 1;
  }

  /** An update waits this long for the cluster; batches are tried again after that. */
  private static final long SOLR_TIMEOUT_MILLIS = 60_000;

  /** Runs one ingest; {@code progressTo} gets a progress bar when not null. Shared with demo. */
  static IngestReport run(
      List<Path> paths,
      Path index,
      ConfigSource source,
      int threads,
      int commitEvery,
      Duration commitInterval,
      PrintStream progressTo)
      throws IOException, InterruptedException {
    Files.createDirectories(index);
    try (Analyzers analyzers = Analyzers.load(source);
        LetterIndexWriter writer = LetterIndexWriter.open(index, analyzers, Json.newMapper())) {
      return run(paths, writer, source, threads, commitEvery, commitInterval, progressTo);
    }
  }

  /** Runs one ingest into {@code sink}, either engine's. */
  static IngestReport run(
      List<Path> paths,
      LetterSink sink,
      ConfigSource source,
      int threads,
      int commitEvery,
      Duration commitInterval,
      PrintStream progressTo)
      throws IOException, InterruptedException {
    ExtractionPipeline pipeline =
        new ExtractionPipeline(
            new LetterFileReader(), new LetterExtractor(Vocabulary.load(source)), threads);
    ProgressBar bar = progressTo == null ? null : new ProgressBar(progressTo);
    IngestReport report =
        new Ingester(pipeline, sink, commitEvery, commitInterval)
            .ingest(paths, bar == null ? Ingester.Progress.NONE : bar);
    if (bar != null) {
      bar.finish();
    }
    return report;
  }

  static void printSummary(IngestReport r, Path reportFile, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "ingest: %d files, %d letters indexed (%d decisions, %d letters without decisions), %d"
            + " failed, %d warnings, %.1f s (%.0f letters/s)%n",
        r.files(),
        r.letters(),
        r.decisions(),
        r.withoutDecisions(),
        r.failed().size(),
        r.warnings(),
        r.seconds(),
        r.lettersPerSecond());
    for (ExtractionFailure f : r.failed()) {
      out.println("  failed: " + f.source() + ": " + f.error());
    }
    if (reportFile != null) {
      out.println("report: " + reportFile);
    }
  }
}
