package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.imrsearch.config.NameTable;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.AnchoredPattern.LowerCased;
import org.imrsearch.model.Reviewer;

/**
 * Reads the reviewer's credentials in both styles: the list ("State(s) of Licensure: California,
 * North Carolina" / "Certification(s)/Specialty: Family Practice", entries may wrap) and the prose
 * ("is Board Certified in Internal Medicine and Pulmonary Diseases, has a subspecialty in
 * Disability Evaluation and is licensed to practice in California").
 */
final class ReviewerExtractor {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern PIECE_EDGES = Pattern.compile("^(?:and|&)\\s+|[.:]+$");
  private static final AnchoredPattern LICENSURE_LIST =
      new AnchoredPattern(
          "(?is)State\\(?s?\\)?\\s+of\\s+Licensure\\s*:(.*?)(?=Certification\\(?s?\\)"
              + "?\\s*/?\\s*Specialt|"
              + "\\n"
              + "\\s*\\n"
              + "|$)",
          "state");
  private static final AnchoredPattern SPECIALTY_LIST =
      new AnchoredPattern(
          "(?is)Certification\\(?s?\\)?\\s*/?\\s*Specialt(?:y|ies)\\s*:(.*?)(?=\\n"
              + "\\s*\\n"
              + "|CLINICAL\\s+CASE\\s+SUMMARY|State\\(?s?\\)?\\s+of\\s+Licensure|$)",
          "certification");
  private static final AnchoredPattern BOARD_CERTIFIED =
      new AnchoredPattern(
          "(?is)(?:Board[-\\s]+Certified|certified\\s+by\\s+the\\s+American\\s+Board\\s+of|"
              + "Licensed|is\\s+a\\s+(?:Diplomate|specialist)|subspecialty|sub-specialty|"
              + "specializ(?:es|"
              + "ing)|fellowship[-\\s]+trained)"
              + "\\s+(?:in|of|with)\\s+(.+?)(?=,?\\s+(?:and\\s+)?(?:is|has|he|she|who|with|He/she)"
              + "\\b|\\.\\s|$)",
          "board",
          "certified",
          "licensed",
          "is",
          "subspecialty",
          "sub-specialty",
          "specializ",
          "fellowship");
  private static final AnchoredPattern LICENSED_TO_PRACTICE =
      new AnchoredPattern(
          "(?is)licensed\\s+to\\s+practice(?:\\s+medicine)?\\s+in\\s+(?:the\\s+states?\\s+of\\s+)"
              + "?(.+?)(?=\\.\\s|\\.$|,?\\s+(?:and\\s+)?(?:is|has|He|She|who)\\b|$)",
          "licensed");
  private static final AnchoredPattern TITLE =
      new AnchoredPattern(
          "(?i)case\\s+file\\s+to\\s+(?:an?|the)\\s+((?:expert|physician|independent|professional|"
              + "medical|peer)\\s+(?:physician\\s+)?reviewer)",
          "case");
  private static final AnchoredPattern CREDENTIALS =
      new AnchoredPattern(
          "(?is)(?:HOW\\s+THE\\s+IMR\\s+FINAL\\s+DETERMINATION\\s+WAS\\s+MADE|Medical\\s+"
              + "Qualifications\\s+of\\s+the\\s+Expert\\s+Reviewer"
              + "|MEDICAL\\s+REVIEWER\\s+QUALIFICATIONS|REVIEWER\\s+QUALIFICATIONS)\\s*:?",
          "how",
          "medical",
          "reviewer");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
  private static final Pattern AND = Pattern.compile("(?i)\\s+(?:and|&)\\s+");

  /** How much of the text after a credentials heading describes the reviewer. */
  private static final int CREDENTIALS_CODE_POINTS = 1500;

  /** Joined comma pieces tried as one name ("Endocrinology, Diabetes & Metabolism"). */
  private static final int MAX_JOINED_PIECES = 3;

  private final Vocabulary vocabulary;

  ReviewerExtractor(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  Reviewer extract(String text, List<String> warnings) {
    return extract(LowerCased.of(text), warnings);
  }

  Reviewer extract(LowerCased text, List<String> warnings) {
    MatchResult title = TITLE.find(text);
    String reviewerTitle =
        title != null
            ? WHITESPACE.matcher(title.group(1).toLowerCase(Locale.ROOT)).replaceAll(" ")
            : null;
    Set<String> specialties = new LinkedHashSet<>();
    Set<String> states = new LinkedHashSet<>();
    MatchResult list = SPECIALTY_LIST.find(text);
    if (list != null) {
      specialties.addAll(resolve(list.group(1), vocabulary.specialties(), "specialty", warnings));
    }
    MatchResult licensure = LICENSURE_LIST.find(text);
    if (licensure != null) {
      states.addAll(resolve(licensure.group(1), vocabulary.states(), "state", warnings));
    }
    LowerCased credentials = LowerCased.of(credentialsParagraph(text));
    if (specialties.isEmpty()) {
      for (MatchResult m : BOARD_CERTIFIED.findAll(credentials)) {
        Optional<String> state = vocabulary.states().lookup(m.group(1));
        if (state.isPresent()) {
          states.add(state.get()); // "licensed in California"
        } else {
          specialties.addAll(resolve(m.group(1), vocabulary.specialties(), "specialty", warnings));
        }
      }
    }
    if (states.isEmpty()) {
      for (MatchResult m : LICENSED_TO_PRACTICE.findAll(credentials)) {
        states.addAll(resolve(m.group(1), vocabulary.states(), "state", warnings));
      }
    }
    if (specialties.isEmpty()) {
      warnings.add("no reviewer specialty found");
    }
    return new Reviewer(reviewerTitle, List.copyOf(specialties), List.copyOf(states));
  }

  /** The prose that describes the reviewer (the whole text when no such paragraph is marked). */
  private static String credentialsParagraph(LowerCased text) {
    MatchResult m = CREDENTIALS.find(text);
    String t = text.text();
    if (m == null) {
      return Prose.join(t.substring(0, Math.min(t.length(), 4000)));
    }
    // The paragraph: what follows the heading, up to CREDENTIALS_CODE_POINTS characters.
    int end = m.end();
    for (int n = 0; n < CREDENTIALS_CODE_POINTS && end < t.length(); n++) {
      end += Character.charCount(t.codePointAt(end));
    }
    return Prose.join(t.substring(m.end(), end));
  }

  /**
   * Splits a written list into canonical names: comma pieces, longest known run first; a piece
   * unknown as a whole is tried split on "and"; what stays unknown is kept as written, with a
   * warning, so a new specialty shows up instead of vanishing.
   */
  static List<String> resolve(String written, NameTable table, String what, List<String> warnings) {
    List<String> pieces = new ArrayList<>();
    for (String piece : LIST_SEPARATOR.split(Prose.join(written))) {
      String p = PIECE_EDGES.matcher(piece).replaceAll("").strip();
      if (!p.isEmpty()) {
        pieces.add(p);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < pieces.size()) {
      int taken = 0;
      for (int n = Math.min(MAX_JOINED_PIECES, pieces.size() - i); n >= 1 && taken == 0; n--) {
        Optional<String> name = table.lookup(String.join(", ", pieces.subList(i, i + n)));
        if (name.isPresent()) {
          out.add(name.get());
          taken = n;
        }
      }
      if (taken == 0) {
        out.addAll(splitOnAnd(pieces.get(i), table, what, warnings));
        taken = 1;
      }
      i += taken;
    }
    return out.stream().distinct().toList();
  }

  /** "Physical Medicine and Rehabilitation and Pain Medicine": the longest known runs of parts. */
  private static List<String> splitOnAnd(
      String piece, NameTable table, String what, List<String> warnings) {
    String[] parts = AND.split(piece);
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      Optional<String> name = Optional.empty();
      int n = parts.length - i;
      for (; n >= 1 && name.isEmpty(); n--) {
        name = table.lookup(String.join(" and ", Arrays.copyOfRange(parts, i, i + n)));
      }
      if (name.isEmpty()) {
        warnings.add("unknown " + what + " '" + piece + "' kept as written");
        return List.of(piece);
      }
      names.add(name.get());
      i += n + 1;
    }
    return names;
  }
}
