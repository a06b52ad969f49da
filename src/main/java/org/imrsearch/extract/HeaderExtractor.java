package org.imrsearch.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.extract.AnchoredPattern.LowerCased;
import org.imrsearch.model.Layout;

/**
 * Reads the header block: case number, the five dates and the priority. PDF text gives labels and
 * values either side by side ("Date Assigned: 11/09/2016 Date of Injury: 10/13/2016") or as
 * separate runs (all labels, then all values); the second form is read by position.
 */
final class HeaderExtractor {
  private static final AnchoredPattern DATE_ASSIGNED_WORDS =
      new AnchoredPattern("(?i)Date\\s+Assigned", "date");
  private static final Pattern CASE_NUMBER = Pattern.compile("\\b((?:C[MB]|SY)\\d{2}-\\d{7})\\b");
  private static final AnchoredPattern HEADER_END =
      new AnchoredPattern(
          "(?i)HOW\\s+THE\\s+IMR\\s+FINAL|DOCUMENTS\\s+REVIEWED|CLINICAL\\s+CASE\\s+SUMMARY|"
              + "CASE\\s+SUMMARY|ISSUES?\\s+AT\\s+DISPUTE|INDEPENDENT\\s+MEDICAL\\s+"
              + "REVIEW\\s+DECISION|"
              + "Dear\\s|\\n"
              + "\\s*1\\)",
          "how",
          "documents",
          "clinical",
          "case",
          "issue",
          "independent",
          "dear",
          "\n");
  private static final String GAP = "[ \\t]*:?[ \\t]*\\n?[ \\t]*";
  private static final AnchoredPattern ASSIGNED = label("Date\\s+Assigned", "date");
  private static final AnchoredPattern DECISION =
      label(
          "Decision\\s+Date|\\bDated(?=\\s*:)|Date\\s+of\\s+(?:this\\s+)?(?:Determination|Decision)"
              + "(?!\\s+of)",
          "decision",
          "date");
  private static final AnchoredPattern INJURY = label("Date\\s+of\\s+Injury|\\bDOI", "date", "doi");
  private static final AnchoredPattern UR_DENIAL =
      label(
          "UR\\s+Denial\\s+Date|Date\\s+of\\s+UR\\s+(?:Decision|Denial)|UR\\s+Decision\\s+Date",
          "ur",
          "date");
  private static final AnchoredPattern RECEIVED =
      label(
          "Application\\s+(?:Received)?|Date\\s+(?:Application\\s+)?Received",
          "application",
          "date");

  /** The 2013 notices state these dates in their first paragraph instead of a header. */
  private static final AnchoredPattern PROSE_RECEIVED =
      new AnchoredPattern(
          "(?i)application\\s+for\\s+(?:an\\s+)?Independent\\s+Medical\\s+Review\\s+"
              + "was\\s+(?:filed|"
              + "received|submitted)\\s+on\\s+("
              + Dates.DATE
              + ")",
          "application");

  private static final AnchoredPattern PROSE_ASSIGNED =
      new AnchoredPattern(
          "(?i)Notice\\s+of\\s+Assignment[^.]{0,80}?\\s+on\\s+(" + Dates.DATE + ")", "notice");
  private static final AnchoredPattern PROSE_UR_DENIAL =
      new AnchoredPattern(
          "(?i)Utilization\\s+Review\\s+(?:Denial|determination|decision|modification)"
              + "\\s+dated\\s+("
              + Dates.DATE
              + ")",
          "utilization");
  private static final Pattern ANY_DATE = Pattern.compile(Dates.DATE);
  private static final AnchoredPattern PRIORITY =
      new AnchoredPattern("(?i)Priority" + GAP + "(Standard|Expedited|Urgent|Regular)", "priority");
  private static final AnchoredPattern PRIORITY_WORD =
      new AnchoredPattern("(?i)\\b(Standard|Expedited)\\b", "standard", "expedited");

  /** The order in which the 2016 header lists its dates when labels and values are apart. */
  private static final int FIELDS = 5;

  private HeaderExtractor() {}

  /** A date after its label; {@code openings} begin each of the label's forms. */
  private static AnchoredPattern label(String label, String... openings) {
    return new AnchoredPattern("(?i)(?:" + label + ")" + GAP + "(" + Dates.DATE + ")", openings);
  }

  static Header extract(LowerCased text, Layout layout, List<String> warnings) {
    LowerCased header = headerBlock(text);
    Matcher caseMatcher = CASE_NUMBER.matcher(header.text());
    String caseNumber = caseMatcher.find() ? caseMatcher.group(1) : null;
    if (caseNumber == null) {
      Matcher anywhere = CASE_NUMBER.matcher(text.text());
      caseNumber = anywhere.find() ? anywhere.group(1) : null;
    }
    LocalDate[] dates = {
      labelled(header, ASSIGNED),
      labelled(header, DECISION),
      labelled(header, INJURY),
      labelled(header, UR_DENIAL),
      labelled(header, RECEIVED)
    };
    int found = 0;
    for (LocalDate d : dates) {
      found += d == null ? 0 : 1;
    }
    if (found < FIELDS && DATE_ASSIGNED_WORDS.foundIn(header)) {
      List<LocalDate> inOrder = new ArrayList<>();
      Matcher m = ANY_DATE.matcher(header.text());
      while (m.find()) {
        Dates.parse(m.group()).ifPresent(inOrder::add);
      }
      if (inOrder.size() == FIELDS) {
        dates = inOrder.toArray(new LocalDate[0]);
      }
    }
    if (layout != Layout.DWC_2016) {
      LowerCased opening = text.sub(0, Math.min(text.length(), 6000));
      dates[0] = dates[0] != null ? dates[0] : labelled(opening, PROSE_ASSIGNED);
      dates[3] = dates[3] != null ? dates[3] : labelled(opening, PROSE_UR_DENIAL);
      dates[4] = dates[4] != null ? dates[4] : labelled(opening, PROSE_RECEIVED);
    }
    MatchResult priority = PRIORITY.find(header);
    String prio = priority != null ? priority.group(1) : null;
    if (prio == null && header.lower().contains("priority")) {
      MatchResult word = PRIORITY_WORD.find(header);
      prio = word != null ? word.group(1) : null;
    }
    if (prio != null) {
      prio =
          prio.substring(0, 1).toUpperCase(Locale.ROOT)
              + prio.substring(1).toLowerCase(Locale.ROOT);
    }
    if (caseNumber == null) {
      warnings.add("no case number found");
    }
    if (dates[1] == null) {
      warnings.add("no decision date found");
    }
    return new Header(caseNumber, dates[0], dates[1], dates[2], dates[3], dates[4], prio);
  }

  /** The text before the first body heading; empty for a body-only letter. */
  private static LowerCased headerBlock(LowerCased text) {
    MatchResult end = HEADER_END.find(text);
    return text.sub(0, end == null ? Math.min(text.length(), 1500) : end.start());
  }

  private static LocalDate labelled(LowerCased header, AnchoredPattern label) {
    MatchResult m = label.find(header);
    return m != null ? Dates.parse(m.group(1)).orElse(null) : null;
  }
}
