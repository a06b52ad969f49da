package org.imrsearch.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.model.Layout;

/**
 * Reads the header block: case number, the five dates and the priority. PDF text gives labels
 * and values either side by side ("Date Assigned: 11/09/2016 Date of Injury: 10/13/2016") or as
 * separate runs (all labels, then all values); the second form is read by position.
 */
final class HeaderExtractor {
  private static final Pattern DATE_ASSIGNED_WORDS = Pattern.compile("(?i)Date\\s+Assigned");
  private static final Pattern PRIORITY_WORDS = Pattern.compile("(?i)Priority");
  private static final Pattern CASE_NUMBER = Pattern.compile("\\b((?:C[MB]|SY)\\d{2}-\\d{7})\\b");
  private static final Pattern HEADER_END = Pattern.compile(
      "(?i)HOW\\s+THE\\s+IMR\\s+FINAL|DOCUMENTS\\s+REVIEWED|CLINICAL\\s+CASE\\s+SUMMARY|CASE\\s+SUMMARY"
          + "|ISSUES?\\s+AT\\s+DISPUTE|INDEPENDENT\\s+MEDICAL\\s+REVIEW\\s+DECISION|Dear\\s|\\n\\s*1\\)");
  private static final String GAP = "[ \\t]*:?[ \\t]*\\n?[ \\t]*";
  private static final Pattern ASSIGNED = label("Date\\s+Assigned");
  private static final Pattern DECISION = label("Decision\\s+Date|\\bDated(?=\\s*:)|Date\\s+of\\s+(?:this\\s+)?(?:Determination|Decision)(?!\\s+of)");
  private static final Pattern INJURY = label("Date\\s+of\\s+Injury|\\bDOI");
  private static final Pattern UR_DENIAL = label("UR\\s+Denial\\s+Date|Date\\s+of\\s+UR\\s+(?:Decision|Denial)|UR\\s+Decision\\s+Date");
  private static final Pattern RECEIVED = label("Application\\s+(?:Received)?|Date\\s+(?:Application\\s+)?Received");
  /** The 2013 notices state these dates in their first paragraph instead of a header. */
  private static final Pattern PROSE_RECEIVED = Pattern.compile(
      "(?i)application\\s+for\\s+(?:an\\s+)?Independent\\s+Medical\\s+Review\\s+was\\s+(?:filed|received|submitted)\\s+on\\s+(" + Dates.DATE + ")");
  private static final Pattern PROSE_ASSIGNED = Pattern.compile(
      "(?i)Notice\\s+of\\s+Assignment[^.]{0,80}?\\s+on\\s+(" + Dates.DATE + ")");
  private static final Pattern PROSE_UR_DENIAL = Pattern.compile(
      "(?i)Utilization\\s+Review\\s+(?:Denial|determination|decision|modification)\\s+dated\\s+(" + Dates.DATE + ")");
  private static final Pattern ANY_DATE = Pattern.compile(Dates.DATE);
  private static final Pattern PRIORITY = Pattern.compile("(?i)Priority" + GAP + "(Standard|Expedited|Urgent|Regular)");
  private static final Pattern PRIORITY_WORD = Pattern.compile("(?i)\\b(Standard|Expedited)\\b");
  /** The order in which the 2016 header lists its dates when labels and values are apart. */
  private static final int FIELDS = 5;

  private HeaderExtractor() {}

  private static Pattern label(String label) {
    return Pattern.compile("(?i)(?:" + label + ")" + GAP + "(" + Dates.DATE + ")");
  }

  static Header extract(String text, Layout layout, List<String> warnings) {
    String header = headerBlock(text);
    Matcher caseMatcher = CASE_NUMBER.matcher(header);
    String caseNumber = caseMatcher.find() ? caseMatcher.group(1) : null;
    if (caseNumber == null) {
      Matcher anywhere = CASE_NUMBER.matcher(text);
      caseNumber = anywhere.find() ? anywhere.group(1) : null;
    }
    LocalDate[] dates = {
      labelled(header, ASSIGNED), labelled(header, DECISION), labelled(header, INJURY),
      labelled(header, UR_DENIAL), labelled(header, RECEIVED)
    };
    int found = 0;
    for (LocalDate d : dates) {
      found += d == null ? 0 : 1;
    }
    if (found < FIELDS && DATE_ASSIGNED_WORDS.matcher(header).find()) {
      List<LocalDate> inOrder = new ArrayList<>();
      Matcher m = ANY_DATE.matcher(header);
      while (m.find()) {
        Dates.parse(m.group()).ifPresent(inOrder::add);
      }
      if (inOrder.size() == FIELDS) {
        dates = inOrder.toArray(new LocalDate[0]);
      }
    }
    if (layout != Layout.DWC_2016) {
      String opening = text.substring(0, Math.min(text.length(), 6000));
      dates[0] = dates[0] != null ? dates[0] : labelled(opening, PROSE_ASSIGNED);
      dates[3] = dates[3] != null ? dates[3] : labelled(opening, PROSE_UR_DENIAL);
      dates[4] = dates[4] != null ? dates[4] : labelled(opening, PROSE_RECEIVED);
    }
    Matcher priority = PRIORITY.matcher(header);
    String prio = priority.find() ? priority.group(1) : null;
    if (prio == null && PRIORITY_WORDS.matcher(header).find()) {
      Matcher word = PRIORITY_WORD.matcher(header);
      prio = word.find() ? word.group(1) : null;
    }
    if (prio != null) {
      prio = prio.substring(0, 1).toUpperCase(Locale.ROOT) + prio.substring(1).toLowerCase(Locale.ROOT);
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
  private static String headerBlock(String text) {
    Matcher end = HEADER_END.matcher(text);
    if (!end.find()) {
      return text.substring(0, Math.min(text.length(), 1500));
    }
    return text.substring(0, end.start());
  }

  private static LocalDate labelled(String header, Pattern label) {
    Matcher m = label.matcher(header);
    return m.find() ? Dates.parse(m.group(1)).orElse(null) : null;
  }
}
