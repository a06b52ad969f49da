package org.imrsearch.extract;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.model.Patient;

/**
 * Reads the injured worker's age, sex and injury date from the case summary (the injury date from
 * anywhere in the letter when the header has none).
 */
final class PatientExtractor {
  private static final Pattern AGE =
      Pattern.compile(
          "(?i)\\b(\\d{1,2})[-\\s]+(?:year|yr)s?[-\\s]+old\\b|\\bage\\s*:?\\s*(\\d{1,2})\\b|"
              + "\\baged\\s+(\\d{1,2})\\b");
  private static final Pattern SEX_WORD =
      Pattern.compile("(?i)\\b(male|female|man|woman|gentleman|lady|boy|girl)\\b");
  private static final Pattern HE = Pattern.compile("(?i)\\b(?:he|him|his|himself)\\b");
  private static final Pattern SHE = Pattern.compile("(?i)\\b(?:she|her|hers|herself)\\b");
  private static final Pattern HE_SHE =
      Pattern.compile(
          "(?i)\\b(?:he|him|his)\\s*/\\s*(?:she|her)\\b|\\b(?:she|her)\\s*/\\s*(?:he|him|his)\\b");

  /**
   * The injury date in prose, whatever the verb: "date of injury (of|on) X", "DOI: X", "injured on
   * X", "reported an injury on X", "sustained an industrial (work-related) injury on X", "was
   * injured at work on X", "injured his left knee on X", "an industrial injury date of X",
   * "sustained an industrial injury X", "a history of an occupational claim from X". A cumulative
   * trauma ("a work related injury with the dates of X continuing through Y") has no single injury
   * date.
   */
  private static final AnchoredPattern INJURY =
      new AnchoredPattern(
          "(?i)(?:(?:date\\s+of\\s+(?:the\\s+)?injury|\\bDOI)(?:\\s+(?:of|was|is|on))?"
              + "|\\binjury"
              + "|\\binjur(?:y|ies)(?:\\s+(?:at\\s+work|on\\s+the\\s+job))?\\s+(?:on|of|dated"
              + "|date(?:\\s+(?:of|on|was|is))?|(?:that\\s+|which\\s+)?occurr(?:ed|ing)\\s+on)"
              + "|\\b(?:occupational|industrial|work[-\\s]?related)\\s+claim\\s+(?:from|of|on|dated)"
              + "|\\binjured\\s+(?:(?:at\\s+work|on\\s+the\\s+job|while\\s+working)\\s+)?(?:on|dated)"
              + "|\\binjured\\s+(?:his|her|their|the|both)\\s+[^.;]{1,60}?\\s+on)"
              + "(?:\\s+or\\s+about)?\\s*:?\\s*("
              + Dates.DATE
              + ")",
          "date",
          "doi",
          "injur",
          "occupational",
          "industrial",
          "work");

  private PatientExtractor() {}

  /**
   * @param summary the case summary as one paragraph ({@link Prose#join}); empty when the letter
   *     has none
   */
  static Patient extract(String summary, LocalDate headerInjuryDate, String wholeText) {
    String prose = summary.isEmpty() ? Prose.join(wholeText) : summary;
    Integer age = null;
    Matcher a = AGE.matcher(prose);
    if (a.find()) {
      String g = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
      int value = Integer.parseInt(g);
      age = value >= 14 && value <= 99 ? value : null;
    }
    LocalDate injury = headerInjuryDate;
    if (injury == null) {
      MatchResult m = INJURY.find(AnchoredPattern.LowerCased.of(Prose.join(wholeText)));
      injury = m != null ? Dates.parse(m.group(1)).orElse(null) : null;
    }
    return new Patient(age, sex(prose), injury);
  }

  /** An explicit word first; otherwise the pronouns, when they agree. */
  private static String sex(String prose) {
    Matcher word = SEX_WORD.matcher(prose);
    if (word.find()) {
      return switch (word.group(1).toLowerCase(Locale.ROOT)) {
        case "male", "man", "gentleman", "boy" -> "male";
        default -> "female";
      };
    }
    String text = HE_SHE.matcher(prose).replaceAll(" ");
    long he = HE.matcher(text).results().count();
    long she = SHE.matcher(text).results().count();
    if (he >= 2 && she == 0) {
      return "male";
    }
    if (she >= 2 && he == 0) {
      return "female";
    }
    return null;
  }
}
