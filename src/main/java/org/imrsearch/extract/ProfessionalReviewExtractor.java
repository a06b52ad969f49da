package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Guideline;
import org.imrsearch.model.Outcome;

/**
 * Decisions of the "MEDICAL PROFESSIONAL REVIEW" layout: the items under "ISSUE AT DISPUTE:", one
 * guideline section and one rationale section whose heading always says "NOT MEDICALLY NECESSARY",
 * so the outcome is read from the rationale's conclusion, never from the heading.
 */
final class ProfessionalReviewExtractor {
  private static final Pattern ISSUE = Sections.heading("ISSUES? AT DISPUTE\\s*:");
  private static final Pattern GUIDELINES =
      Pattern.compile(
          "(?i)MEDICAL\\s+TREATMENT\\s+GUIDELINE\\(?S?\\)?\\s+RELIED\\s+UPON[^:]{0,80}:");
  private static final Pattern RATIONALE =
      Pattern.compile(
          "(?i)RATIONALE\\s+FOR\\s+WHY\\s+THE\\s+REQUESTED\\s+TREATMENT\\s*/?\\s*SERVICES?\\s+"
              + "(?:IS|"
              + "WAS)\\s*/?\\s*(?:IS|WAS)?\\s*(?:NOT\\s+)?MEDICALLY\\s+NECESSARY\\s*:?");
  private static final Pattern NEXT_HEADING =
      Pattern.compile(
          "(?m)^\\s*(?:CASE\\s+SUMMARY|DOCUMENTS\\s+REVIEWED|MEDICAL\\s+TREATMENT\\s+GUIDELINE|"
              + "RATIONALE\\s+FOR\\s+WHY|MEDICAL\\s+REVIEWER\\s+QUALIFICATIONS|CLINICAL\\s+"
              + "CASE\\s+SUMMARY)");
  private static final Pattern ITEM_SEPARATOR =
      Pattern.compile("\\n\\s*(?=\\d{1,2}\\s*[.)]\\s)|\\n\\s*\\n|;\\s*");
  private static final Pattern NUMBERED_PART = Pattern.compile("(?m)^\\s*(\\d{1,2})\\s*[.)]\\s+");

  private final PartyGuidelines guidelines;

  ProfessionalReviewExtractor(PartyGuidelines guidelines) {
    this.guidelines = guidelines;
  }

  List<Decision> extract(String text, List<String> warnings, TreatmentNamer namer) {
    List<String> items = new ArrayList<>();
    for (String piece : ITEM_SEPARATOR.split(Sections.after(text, ISSUE, NEXT_HEADING))) {
      String item = DecisionParts.cleanItemWithoutArticle(piece);
      if (Prose.letters(item) >= 2) {
        items.add(item);
      }
    }
    Guideline reviewer =
        guidelines.read("", Sections.after(text, GUIDELINES, NEXT_HEADING)).reviewer();
    String rationale = Sections.after(text, RATIONALE, NEXT_HEADING);
    List<String> parts = numberedParts(rationale);
    List<Decision> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String own = parts.size() == items.size() ? parts.get(i) : rationale;
      Outcome outcome = DecisionParts.concludedOutcome(own);
      if (outcome == null) {
        warnings.add("no conclusion found for '" + items.get(i) + "'; taken as upheld");
        outcome = Outcome.UPHELD;
      }
      out.add(
          new Decision(
              items.get(i),
              null,
              outcome,
              namer.categorize(items.get(i)),
              Guideline.NONE,
              reviewer,
              Prose.join(own)));
    }
    if (items.isEmpty()) {
      warnings.add("no item under 'ISSUE AT DISPUTE'");
    }
    return out;
  }

  /** A rationale written per item as "1. ... 2. ..."; no parts when it is not numbered. */
  private static List<String> numberedParts(String rationale) {
    return Sections.splitAt(rationale, NUMBERED_PART);
  }
}
