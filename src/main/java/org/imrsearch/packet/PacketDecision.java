package org.imrsearch.packet;

import java.time.LocalDate;
import java.util.List;
import org.imrsearch.model.Guideline;
import org.imrsearch.model.Outcome;

/**
 * One decision of a packet, with what citing it needs.
 *
 * @param ref which decision it is
 * @param caseNumber the letter's case number (null when it has none)
 * @param decisionDate the letter's decision date (null when not stated)
 * @param specialties the reviewer's specialties
 * @param fileName the name of the file the letter was ingested from (null when not read from one)
 * @param sha256 that file's SHA-256 at ingest (null when not read from one)
 */
public record PacketDecision(
    DecisionRef ref,
    String caseNumber,
    LocalDate decisionDate,
    List<String> specialties,
    String item,
    Outcome outcome,
    Guideline claimsAdministratorGuideline,
    Guideline reviewerGuideline,
    String rationale,
    String fileName,
    String sha256) {

  public PacketDecision {
    specialties = List.copyOf(specialties);
  }
}
