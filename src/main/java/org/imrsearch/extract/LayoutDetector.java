package org.imrsearch.extract;

import java.util.Optional;
import org.imrsearch.model.Layout;

/** Recognises which letter layout a cleaned text is in, from the headings each layout uses. */
final class LayoutDetector {
  private static final AnchoredPattern DWC_2016 =
      new AnchoredPattern(
          "(?i)HOW\\s+THE\\s+IMR\\s+FINAL\\s+DETERMINATION\\s+WAS\\s+MADE|IMR\\s+"
              + "ISSUES,?\\s+DECISIONS\\s+AND\\s+RATIONALES|"
              + "(?m):\\s*(?:Upheld|Overturned)\\s*\\n"
              + "+\\s*(?:Claims\\s+Administrator|MAXIMUS)\\s+guideline",
          "how",
          "imr",
          ":");
  private static final AnchoredPattern PROFESSIONAL_REVIEW =
      new AnchoredPattern(
          "(?i)MEDICAL\\s+PROFESSIONAL\\s+REVIEW|ISSUES?\\s+AT\\s+DISPUTE\\s*:"
              + "|RATIONALE\\s+FOR\\s+WHY\\s+THE\\s+REQUESTED",
          "medical",
          "issue",
          "rationale");
  private static final AnchoredPattern MAXIMUS_2013 =
      new AnchoredPattern(
          "(?i)IMR\\s+DECISION\\(?S?\\)?\\s+AND\\s+RATIONALE\\(?S?\\)?|Guidelines?\\s+"
              + "Used\\s+in\\s+Decision\\s*:",
          "imr",
          "guideline");
  private static final AnchoredPattern NOTICE_2013 =
      new AnchoredPattern(
          "(?i)Notice\\s+of\\s+Independent\\s+Medical\\s+Review\\s+Determination"
              + "|INDEPENDENT\\s+MEDICAL\\s+REVIEW\\s+DECISION\\s+AND\\s+RATIONALE"
              + "|has\\s+determined\\s+the\\s+request\\s+for",
          "notice",
          "independent",
          "has");

  private LayoutDetector() {}

  /** The layout, or empty when the text is not an IMR determination letter we know. */
  static Optional<Layout> detect(AnchoredPattern.LowerCased text) {
    if (DWC_2016.foundIn(text)) {
      return Optional.of(Layout.DWC_2016);
    }
    if (PROFESSIONAL_REVIEW.foundIn(text)) {
      return Optional.of(Layout.PROFESSIONAL_REVIEW);
    }
    if (MAXIMUS_2013.foundIn(text)) {
      return Optional.of(Layout.MAXIMUS_2013);
    }
    if (NOTICE_2013.foundIn(text)) {
      return Optional.of(Layout.NOTICE_2013);
    }
    return Optional.empty();
  }
}
