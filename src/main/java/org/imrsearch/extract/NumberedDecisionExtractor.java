package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Guideline;
import org.imrsearch.model.Outcome;

/**
 * Decisions of the 2013-2014 layouts that number their items and state each outcome in words: "1.
 * MRI of the lumbar spine is not medically necessary and appropriate." or "1) MAXIMUS Federal
 * Services, Inc. has determined the request for ... is medically necessary and appropriate.",
 * followed by guideline and rationale sections ("Guidelines Used in Decision:", "Medical Treatment
 * Guideline(s) used by the Expert Reviewer:", "Rationale for the Decision:").
 */
final class NumberedDecisionExtractor {
  private static final Pattern STATEMENT =
      Pattern.compile(
          "(?ims)^[ \\t]*(\\d{1,2})\\s*[.)][ \\t]+(.{3,600}?)\\s+(?:is|was|are|were)\\s+(not\\s+|"
              + "non-?\\s*)?medically\\s+necessary(?:\\s+and\\s+appropriate)?");
  private static final Pattern GUIDELINE_LABEL =
      Pattern.compile(
          "(?i)(?:Guidelines?\\s+Used\\s+in\\s+(?:the\\s+)?Decision|Medical\\s+Treatment\\s+"
              + "Guideline\\(?s?\\)"
              + "?[^:\\n]{0,90}|Guidelines?\\s+(?:relied\\s+upon|cited)[^:\\n]{0,60})\\s*:");
  private static final Pattern CLAIMS_ADMINISTRATOR =
      Pattern.compile("(?i)Claims\\s+Administrator|Utilization\\s+Review|\\bUR\\b");
  private static final Pattern RATIONALE_LABEL =
      Pattern.compile(
          "(?i)Rationale\\s+(?:for\\s+the\\s+Decision|Used\\s+by\\s+the\\s+(?:Expert|Physician|"
              + "Professional)\\s+Reviewer)\\s*:|Decision\\s+rationale\\s*:");
  private static final Pattern NUMBERED_LINE =
      Pattern.compile("(?m)^[ \\t]*\\d{1,2}\\s*[.)][ \\t]+\\S");
  private static final Pattern CLOSING =
      Pattern.compile(
          "(?im)^\\s*(?:Effect\\s+of\\s+the\\s+Decision|cc\\s*:|Sincerely|This\\s+(?:decision|"
              + "determination)\\s+is\\s+final|Your\\s+right\\s+to\\s+appeal|Appeal\\s+"
              + "rights|APPEAL\\s+INFORMATION|"
              + "/\\w{2,4}$)");

  private final PartyGuidelines guidelines;

  NumberedDecisionExtractor(PartyGuidelines guidelines) {
    this.guidelines = guidelines;
  }

  List<Decision> extract(String text, List<String> warnings, TreatmentNamer namer) {
    Map<Integer, Decision> byNumber = new LinkedHashMap<>();
    Matcher s = STATEMENT.matcher(text);
    while (s.find()) {
      int number = Integer.parseInt(s.group(1));
      String item = DecisionParts.cleanItemWithoutArticle(s.group(2));
      if (!byNumber.containsKey(number) && !item.isEmpty()) {
        Outcome outcome = s.group(3) != null ? Outcome.UPHELD : Outcome.OVERTURNED;
        byNumber.put(
            number, new Decision(item, null, outcome, namer.categorize(item), null, null, null));
      }
    }
    List<Decision> items = new ArrayList<>(byNumber.values());
    List<Details> details = details(text);
    if (items.isEmpty()) {
      return items;
    }
    if (details.isEmpty()) {
      warnings.add("no guideline or rationale sections found");
      return items;
    }
    if (details.size() != items.size() && details.size() != 1) {
      warnings.add(
          items.size() + " items but " + details.size() + " rationale sections: matched in order");
    }
    List<Decision> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Decision d = items.get(i);
      Details detail = details.get(Math.min(i, details.size() - 1));
      out.add(
          new Decision(
              d.item(),
              null,
              d.outcome(),
              d.treatmentCategory(),
              detail.claimsAdministrator(),
              detail.reviewer(),
              detail.rationale()));
    }
    return out;
  }

  private record Details(Guideline claimsAdministrator, Guideline reviewer, String rationale) {}

  /** One group per rationale label, with the guideline labels that precede it. */
  private List<Details> details(String text) {
    List<Details> out = new ArrayList<>();
    Matcher r = RATIONALE_LABEL.matcher(text);
    List<int[]> rationales = new ArrayList<>();
    while (r.find()) {
      rationales.add(new int[] {r.start(), r.end()});
    }
    int groupStart = 0;
    for (int k = 0; k < rationales.size(); k++) {
      int[] label = rationales.get(k);
      int nextGroup =
          k + 1 < rationales.size()
              ? firstLabelAfter(text, label[1], rationales.get(k + 1)[0])
              : text.length();
      int rationaleEnd = endOfRationale(text, label[1], nextGroup);
      StringBuilder ca = new StringBuilder();
      StringBuilder reviewer = new StringBuilder();
      Matcher g = GUIDELINE_LABEL.matcher(text).region(groupStart, label[0]);
      List<int[]> guideLabels = new ArrayList<>();
      while (g.find()) {
        guideLabels.add(new int[] {g.start(), g.end()});
      }
      for (int i = 0; i < guideLabels.size(); i++) {
        int[] gl = guideLabels.get(i);
        int end = i + 1 < guideLabels.size() ? guideLabels.get(i + 1)[0] : label[0];
        String labelText = text.substring(gl[0], gl[1]);
        String body = text.substring(gl[1], end);
        (CLAIMS_ADMINISTRATOR.matcher(labelText).find() ? ca : reviewer).append(body).append('\n');
      }
      PartyGuidelines.Pair parties = guidelines.read(ca.toString(), reviewer.toString());
      out.add(
          new Details(
              parties.claimsAdministrator(),
              parties.reviewer(),
              Prose.join(text.substring(label[1], rationaleEnd))));
      groupStart = rationaleEnd;
    }
    return out;
  }

  /** The start of the next item group: its first guideline label, else its rationale label. */
  private static int firstLabelAfter(String text, int from, int nextRationale) {
    Matcher g = GUIDELINE_LABEL.matcher(text).region(from, nextRationale);
    return g.find() ? g.start() : nextRationale;
  }

  /** A rationale ends before the next item's numbered heading or the letter's closing. */
  private static int endOfRationale(String text, int from, int limit) {
    int end = limit;
    Matcher closing = CLOSING.matcher(text).region(from, limit);
    if (closing.find()) {
      end = closing.start();
    }
    if (limit < text.length()) {
      Matcher numbered = NUMBERED_LINE.matcher(text).region(from, end);
      int last = -1;
      while (numbered.find()) {
        last = numbered.start();
      }
      // Only the numbered line right before the next group is its heading; earlier ones are
      // lists inside the rationale.
      if (last >= 0 && text.substring(last, end).split("\n\n").length <= 2) {
        end = last;
      }
    }
    return end;
  }
}
