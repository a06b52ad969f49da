package org.imrsearch.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.model.Guideline;

/**
 * The guideline blocks of both parties for one decision, however the letter words them: under a
 * label per party ("Claims Administrator guideline:", "MAXIMUS guideline:"), or in one paragraph
 * that names both ("The Claims Administrator based its decision on the MTUS ... The Expert Reviewer
 * based his/her decision on the ODG ..."). Each sentence whose subject is a party belongs to that
 * party, whatever label it stands under; text before the first such sentence belongs to the label's
 * party. A reviewer who "found that the guidelines cited by the Claims Administrator were relevant
 * and appropriate" and names none of their own relied on the Claims Administrator's sources. Shared
 * by the extractors of every layout; safe to share between threads.
 */
final class PartyGuidelines {
  private static final String CLAIMS_ADMINISTRATOR =
      "claims\\s+administrator|utilization\\s+review(?:er)?|UR";
  private static final String VERBS =
      "based|relied|cited|used|utilized|referenced|applied|considered|found|noted|did|does"
          + "|determined|agreed";

  /** A party as the subject of a sentence: "The Expert Reviewer based his/her decision on". */
  private static final Pattern PARTY =
      Pattern.compile(
          "(?i)(?:^|(?<=[.;:!?]))\\s*(?:In\\s+this\\s+case,?\\s+)?(?:the\\s+)?\\b(?:("
              + CLAIMS_ADMINISTRATOR
              + ")|(?:expert|physician|professional|IMR|independent\\s+medical)\\s+reviewer"
              + "|reviewer)\\b(?:\\s+(?:physician|doctor|reviewer|nurse))?(?:\\s+also)?\\s+(?:"
              + VERBS
              + ")\\b");

  /** "... the guidelines cited by the Claims Administrator were (not) relevant and appropriate". */
  private static final Pattern RELEVANT =
      Pattern.compile(
          "(?i)[^.;]*?\\bguidelines?\\s+(?:cited|used|relied\\s+(?:up)?on|applied|referenced)\\s+"
              + "by\\s+(?:the\\s+)?(?:"
              + CLAIMS_ADMINISTRATOR
              + ")\\s+(?:were|was|are|is)\\s+(not\\s+)?(?:relevant|appropriate|applicable)[^.;]*"
              + "[.;]?");

  /** The two blocks of one decision. */
  record Pair(Guideline claimsAdministrator, Guideline reviewer) {}

  private final GuidelineParser parser;

  PartyGuidelines(GuidelineParser parser) {
    this.parser = parser;
  }

  /**
   * Reads the blocks of one decision from the text under its labels.
   *
   * @param underClaimsAdministrator text under the Claims Administrator's label ("" if none)
   * @param underReviewer text under the reviewer's label, or under a label naming no party
   */
  Pair read(String underClaimsAdministrator, String underReviewer) {
    StringBuilder ca = new StringBuilder();
    StringBuilder reviewer = new StringBuilder();
    split(underClaimsAdministrator, ca, ca, reviewer);
    split(underReviewer, reviewer, ca, reviewer);
    Guideline claims = parser.parse(ca.toString());
    return new Pair(claims, reviewer(Prose.join(reviewer.toString()), claims));
  }

  /** Appends each sentence run of {@code text} to its subject's block, the start to the label's. */
  private static void split(
      String text, StringBuilder labels, StringBuilder ca, StringBuilder reviewer) {
    StringBuilder current = labels;
    if (!namesAParty(text)) {
      current.append(text).append('\n');
      return;
    }
    Matcher m = PARTY.matcher(text);
    int from = 0;
    while (m.find()) {
      current.append(text, from, m.start()).append('\n');
      current = m.group(1) != null ? ca : reviewer;
      from = m.start();
    }
    current.append(text, from, text.length()).append('\n');
  }

  /**
   * False when {@link #PARTY} cannot match: most blocks name no party, and it is tried at each
   * character.
   */
  private static boolean namesAParty(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("review") || lower.contains("administrator") || lower.contains("ur");
  }

  private Guideline reviewer(String text, Guideline claims) {
    Matcher relevant = RELEVANT.matcher(text);
    String lower = text.toLowerCase(Locale.ROOT);
    boolean mayFind =
        lower.contains("relevant") || lower.contains("appropriate") || lower.contains("applicable");
    if (!mayFind || !relevant.find()) {
      return parser.parse(text);
    }
    boolean adopted = relevant.group(1) == null;
    Guideline own =
        parser.parse(text.substring(0, relevant.start()) + text.substring(relevant.end()));
    if (adopted && own.sources().isEmpty()) {
      return new Guideline(text, claims.sources(), claims.citations());
    }
    return new Guideline(text, own.sources(), List.copyOf(own.citations()));
  }
}
