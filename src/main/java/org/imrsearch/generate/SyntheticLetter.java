package org.imrsearch.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated letter: its file name, its text, and the truth it was written from, so a test can
 * check what the extractor recovers.
 */
public record SyntheticLetter(String fileName, String text, Truth truth) {

  /** What the generator put in the letter. */
  public record Truth(
      String caseNumber,
      String layout,
      LocalDate decisionDate,
      List<String> specialties,
      List<String> licensure,
      List<Item> decisions) {
    public Truth {
      specialties = List.copyOf(specialties);
      licensure = List.copyOf(licensure);
      decisions = List.copyOf(decisions);
    }
  }

  /**
   * One decided item: its text, outcome and the reviewer's guideline family ("" when none cited).
   */
  public record Item(
      String item, boolean overturned, String reviewerFamily, String claimsAdministratorFamily) {}
}
