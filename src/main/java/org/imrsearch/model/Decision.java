package org.imrsearch.model;

import java.util.Objects;

/**
 * One disputed item and IMR's decision on it: the unit that overturn rates count.
 *
 * @param item the decided item as named in the letter
 * @param itemContext the whole item paragraph when it says more than the item (a modified request:
 *     what was asked for and what the claims administrator authorized), else null
 * @param outcome upheld or overturned; never null
 * @param treatmentCategory the category from index-config/treatments.tsv, "Other" when none fits
 * @param rationale the reviewer's written reasoning
 */
public record Decision(
    String item,
    String itemContext,
    Outcome outcome,
    String treatmentCategory,
    Guideline claimsAdministratorGuideline,
    Guideline reviewerGuideline,
    String rationale) {

  public Decision {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(outcome, "outcome");
    claimsAdministratorGuideline =
        claimsAdministratorGuideline == null ? Guideline.NONE : claimsAdministratorGuideline;
    reviewerGuideline = reviewerGuideline == null ? Guideline.NONE : reviewerGuideline;
    rationale = rationale == null ? "" : rationale;
  }
}
