package org.imrsearch.ingest;

import java.util.List;
import org.imrsearch.model.ExtractionFailure;

/**
 * The outcome of one ingest run, printed as a summary and written as JSON.
 *
 * @param files files read
 * @param letters letters indexed
 * @param decisions decisions indexed
 * @param withoutDecisions letters indexed that had no decision (their text is still searchable)
 * @param warnings warnings the extractor gave across all letters
 * @param failed files that could not be indexed, each with its reason
 * @param seconds wall time
 */
public record IngestReport(
    int files,
    int letters,
    int decisions,
    int withoutDecisions,
    int warnings,
    List<ExtractionFailure> failed,
    double seconds) {

  public IngestReport {
    failed = List.copyOf(failed);
  }

  public boolean allIndexed() {
    return failed.isEmpty();
  }

  public double lettersPerSecond() {
    return seconds > 0 ? letters / seconds : 0;
  }
}
