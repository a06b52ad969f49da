package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.extract.AnchoredPattern.LowerCased;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Guideline;
import org.imrsearch.model.Outcome;

/**
 * Decisions of the 2014+ layout: item paragraphs ending in ": Upheld" or ": Overturned" (the
 * outcome may wrap onto the next line), each followed by "Claims Administrator guideline:",
 * "MAXIMUS guideline:" and "Decision rationale:".
 */
final class ModernDecisionExtractor {
  private static final AnchoredPattern REGION =
      new AnchoredPattern("(?i)IMR\\s+ISSUES,?\\s+DECISIONS\\s+AND\\s+RATIONALES", "imr");
  private static final Pattern PREAMBLE =
      Pattern.compile(
          "(?is)^\\s*The\\s+Final\\s+Determination\\s+was\\s+based\\s+on\\s+decisions\\s+"
              + "for\\s+the\\s+disputed\\s+items?\\s*/?\\s*services?\\s+set\\s+forth\\s+"
              + "below\\s*:?");
  private static final String LABELS =
      "(?:Claims\\s+Administrator\\s+guideline|(?:MAXIMUS|Expert\\s+Reviewer)\\s+guideline|"
          + "Decision\\s+rationale)\\s*:";
  static final Pattern OUTCOME =
      Pattern.compile("(?i)(?::\\s*|[ \\t]+)(Upheld|Overturned)\\b[ \\t.]*(?=\\s*" + LABELS + ")");
  private static final Pattern OUTCOME_AT_LINE_END =
      Pattern.compile("(?im):[ \\t]*\\n?[ \\t]*(Upheld|Overturned)[ \\t.]*$");
  private static final AnchoredPattern ANY_LABEL =
      new AnchoredPattern("(?i)" + LABELS, "claims", "maximus", "expert", "decision");
  private static final AnchoredPattern CA_LABEL =
      new AnchoredPattern("(?i)Claims\\s+Administrator\\s+guideline\\s*:", "claims");
  private static final AnchoredPattern REVIEWER_LABEL =
      new AnchoredPattern(
          "(?i)(?:MAXIMUS|Expert\\s+Reviewer)\\s+guideline\\s*:", "maximus", "expert");
  private static final AnchoredPattern RATIONALE_LABEL =
      new AnchoredPattern("(?i)Decision\\s+rationale\\s*:", "decision");
  private static final Pattern SENTENCE_END_LINE = Pattern.compile("[.!?][\"')\\]]?$");

  /** An item paragraph longer than this has lost its blank-line boundary. */
  private static final int MAX_ITEM_LINES = 8;

  private final PartyGuidelines guidelines;

  ModernDecisionExtractor(PartyGuidelines guidelines) {
    this.guidelines = guidelines;
  }

  /** The decided items of the letter, in order; never throws, warns about what it had to guess. */
  List<Decision> extract(LowerCased text, List<String> warnings, TreatmentNamer namer) {
    LowerCased lowerRegion = region(text);
    String region = lowerRegion.text();
    List<int[]> markers = outcomes(lowerRegion); // {start, end, outcome ordinal}
    if (markers.isEmpty()) {
      Matcher loose = OUTCOME_AT_LINE_END.matcher(region);
      while (loose.find()) {
        markers.add(new int[] {loose.start(), loose.end(), outcomeOf(loose.group(1)).ordinal()});
      }
    }
    int[] itemStarts = new int[markers.size()];
    for (int k = 0; k < markers.size(); k++) {
      int floor = k == 0 ? 0 : markers.get(k - 1)[1];
      itemStarts[k] = itemStart(region, floor, markers.get(k)[0]);
    }
    List<Decision> decisions = new ArrayList<>();
    for (int k = 0; k < markers.size(); k++) {
      int[] marker = markers.get(k);
      String paragraph = region.substring(itemStarts[k], marker[0]);
      LowerCased body =
          lowerRegion.sub(marker[1], k + 1 < markers.size() ? itemStarts[k + 1] : region.length());
      decisions.add(decision(paragraph, Outcome.values()[marker[2]], body, warnings, namer));
    }
    return decisions;
  }

  /**
   * The {@link #OUTCOME} matches of {@code region}, as {@code find()} in a loop would give them,
   * but tried only where "upheld" or "overturned" occurs: scanning the whole region with the
   * pattern (which may start at any blank) was the largest cost of extracting a letter. A match can
   * start only at the colon before the word (blanks and line breaks between) or, without one, at
   * the blanks right before it.
   */
  static List<int[]> outcomes(String region) {
    return outcomes(LowerCased.of(region));
  }

  private static List<int[]> outcomes(LowerCased lowerRegion) {
    String region = lowerRegion.text();
    String lower = lowerRegion.lower();
    List<int[]> markers = new ArrayList<>();
    Matcher m = OUTCOME.matcher(region).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    int upheld = lower.indexOf("upheld");
    int overturned = lower.indexOf("overturned");
    while (true) {
      // Each word's next occurrence is looked up again only once it falls behind.
      upheld = upheld >= 0 && upheld < from ? lower.indexOf("upheld", from) : upheld;
      overturned =
          overturned >= 0 && overturned < from ? lower.indexOf("overturned", from) : overturned;
      int word = upheld < 0 ? overturned : overturned < 0 ? upheld : Math.min(upheld, overturned);
      if (word < 0) {
        return markers;
      }
      int start = earliestOutcomeStart(region, word);
      boolean found;
      if (start < 0) {
        found = false;
      } else if (start >= from) {
        found = m.region(start, region.length()).lookingAt();
      } else {
        // The blanks before the word began inside the previous match: search as find() would.
        found = m.region(from, region.length()).find();
      }
      if (found) {
        markers.add(new int[] {m.start(), m.end(), outcomeOf(m.group(1)).ordinal()});
        from = m.end();
      } else {
        from = word + 1;
      }
    }
  }

  /**
   * Where an {@link #OUTCOME} match ending in the word at {@code word} would start; -1 if none can.
   */
  private static int earliestOutcomeStart(String text, int word) {
    int blanks = word;
    while (blanks > 0 && (text.charAt(blanks - 1) == ' ' || text.charAt(blanks - 1) == '\t')) {
      blanks--;
    }
    int space = blanks;
    while (space > 0 && Prose.isRegexSpace(text.charAt(space - 1))) {
      space--;
    }
    if (space > 0 && text.charAt(space - 1) == ':') {
      return space - 1;
    }
    return blanks < word ? blanks : -1;
  }

  private Decision decision(
      String paragraph,
      Outcome outcome,
      LowerCased body,
      List<String> warnings,
      TreatmentNamer namer) {
    String portion = DecisionParts.decidedPortion(paragraph);
    String item = portion != null ? portion : DecisionParts.cleanItem(paragraph);
    String context = portion != null ? Prose.join(paragraph) : null;
    if (item.isEmpty()) {
      warnings.add("an " + outcome.label() + " decision has no item text");
      item = "(item not stated)";
    }
    PartyGuidelines.Pair parties =
        guidelines.read(labelled(body, CA_LABEL), labelled(body, REVIEWER_LABEL));
    Guideline ca = parties.claimsAdministrator();
    Guideline reviewer = parties.reviewer();
    MatchResult r = RATIONALE_LABEL.find(body);
    String rationale;
    if (r != null) {
      rationale = Prose.join(body.text().substring(r.end()));
    } else {
      warnings.add("no 'Decision rationale:' for item '" + item + "'");
      rationale = "";
    }
    return new Decision(item, context, outcome, namer.categorize(item), ca, reviewer, rationale);
  }

  /** The text after a label up to the next label (or the end of the body). */
  private static String labelled(LowerCased body, AnchoredPattern label) {
    MatchResult m = label.find(body);
    if (m == null) {
      return "";
    }
    MatchResult next = ANY_LABEL.find(body, m.end());
    return body.text().substring(m.end(), next != null ? next.start() : body.length());
  }

  /** The text after the decisions heading and the preamble (a suffix of {@code text}). */
  private static LowerCased region(LowerCased text) {
    MatchResult heading = REGION.find(text);
    int start = heading != null ? heading.end() : 0;
    Matcher preamble = PREAMBLE.matcher(text.text()).region(start, text.length());
    if (preamble.lookingAt()) {
      start = preamble.end();
    }
    return text.sub(start, text.length());
  }

  /**
   * Where the item paragraph that ends at {@code end} begins: after the last blank line, never
   * before {@code floor}; without paragraph breaks, after the last line that ends a sentence.
   */
  static int itemStart(String region, int floor, int end) {
    int blank = region.lastIndexOf("\n\n", end - 1);
    if (blank >= floor) {
      int start = blank + 2;
      if (region.substring(start, end).split("\n").length <= MAX_ITEM_LINES) {
        return skipBlank(region, start);
      }
    }
    // No paragraph break since the previous decision: the item begins after the last line
    // that ends a sentence (the previous rationale's last line).
    String[] lines = region.substring(floor, end).split("\n", -1);
    int offset = end;
    for (int i = lines.length - 1; i > 0; i--) {
      offset -= lines[i].length() + 1;
      if (SENTENCE_END_LINE.matcher(lines[i - 1].strip()).find()) {
        return skipBlank(region, offset + 1);
      }
    }
    return skipBlank(region, floor);
  }

  private static int skipBlank(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Outcome outcomeOf(String word) {
    return Outcome.parse(word);
  }
}
