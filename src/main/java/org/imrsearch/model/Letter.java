package org.imrsearch.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One IMR determination letter, extracted. Immutable; Jackson writes it as the extraction contract
 * (JSON Lines from {@code imr extract}).
 *
 * @param source the path the letter was read from, as given
 * @param id stable id: the case number, else "sha-" and a content hash
 * @param layout which letter layout was recognised ({@link Layout#key()})
 * @param synthetic true for letters made by {@code imr generate}, which say so in a banner line
 *     (their case numbers start with "SY"), so that no one takes them for real decisions
 * @param text the cleaned full text of the letter
 * @param warnings what the extractor could not find or had to guess
 */
public record Letter(
    String source,
    String id,
    String layout,
    boolean synthetic,
    String caseNumber,
    LocalDate decisionDate,
    LocalDate dateAssigned,
    LocalDate urDenialDate,
    LocalDate applicationReceived,
    String priority,
    Reviewer reviewer,
    Patient patient,
    List<String> diagnoses,
    String caseSummary,
    List<Decision> decisions,
    List<String> warnings,
    String text) {

  public Letter {
    Objects.requireNonNull(id, "id");
    reviewer = reviewer == null ? Reviewer.UNKNOWN : reviewer;
    patient = patient == null ? Patient.UNKNOWN : patient;
    diagnoses = List.copyOf(diagnoses);
    caseSummary = caseSummary == null ? "" : caseSummary;
    decisions = List.copyOf(decisions);
    warnings = List.copyOf(warnings);
    text = text == null ? "" : text;
  }

  /**
   * This letter with other prose: the case summary, the decisions and the text (the rest as it is).
   * Indexes store each piece of prose once and put the letter back together from them.
   */
  public Letter withProse(String caseSummary, List<Decision> decisions, String text) {
    return new Letter(
        source,
        id,
        layout,
        synthetic,
        caseNumber,
        decisionDate,
        dateAssigned,
        urDenialDate,
        applicationReceived,
        priority,
        reviewer,
        patient,
        diagnoses,
        caseSummary,
        decisions,
        warnings,
        text);
  }
}
