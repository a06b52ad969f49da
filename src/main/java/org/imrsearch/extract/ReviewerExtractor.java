package org.imrsearch.extract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.AnchoredPattern.LowerCased;
import org.imrsearch.model.Reviewer;

/**
 * Reads the reviewer's credentials in both styles: the list ("State(s) of Licensure: California,
 * North Carolina" / "Certification(s)/Specialty: Family Practice", entries may wrap) and the prose,
 * whatever the verb ("is Board Certified in Internal Medicine and Pulmonary Diseases, has a
 * subspecialty in Disability Evaluation and is licensed to practice in California", "is a Licensed
 * Acupuncturist", "holds a Certificate of Added Qualification in Sports Medicine"). A state is
 * licensure, never a specialty; a specialty the table does not know is kept as written, with a
 * warning.
 */
final class ReviewerExtractor {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
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

  /**
   * Where a written credential ends: a sentence or clause end, or the next verb or credential
   * ("..., has a subspecialty in", "and is licensed", "with subspecialty certification in").
   */
  private static final String CREDENTIAL_END =
      "(?=\\s*[.;:(\\n]|\\s*$|,?\\s+(?:and\\s+|but\\s+)?(?:is|are|was|were|has|have|had|holds?|"
          + "he|she|he/she|who|which|with|licensed|certified|board|by|since|for|from|at|as|through|"
          + "practices|practicing|actively|currently|also|in\\s+(?:active|clinical|the\\s+state))\\b"
          + "|,\\s+(?:and\\s+)?(?:a|an|the)\\s)";

  /** A written name: begins with a letter, stops at a sentence end or a parenthesis. */
  private static final String WRITTEN_NAME = "(\\p{L}[^.;:()\\n]{0,160}?)";

  /**
   * A credential in prose, whatever the verb: "is Board Certified in X", "a Board Certified X
   * Surgeon", "board-certified by the American Board of X", "has a subspecialty (certification) in
   * Y", "holds a Certificate of Added Qualification in Y", "Licensed in X", "specializes in X",
   * "Fellowship trained in Y". The name is kept as written when the table does not know it.
   */
  private static final AnchoredPattern CREDENTIAL =
      new AnchoredPattern(
          "(?i)(?:board[-\\s]+certified(?:\\s+(?:in|by\\s+the\\s+american\\s+board\\s+of)\\b|"
              + "(?=\\s+(?!(?:and|or|in|by|with|sub-?specialty|physician|reviewer|since|to|"
              + "as|who)\\b)\\p{L}))"
              + "|board[-\\s]+certifications?\\s+(?:in|by\\s+the\\s+american\\s+board\\s+of)\\b"
              + "|certified\\s+(?:by\\s+the\\s+american\\s+board\\s+of|in)\\b"
              + "|diplomate\\s+(?:of|in)(?:\\s+the\\s+american\\s+board\\s+of)?"
              + "|sub-?specialt(?:y|ies)(?:\\s+certifications?)?\\s+(?:in|of)"
              + "|certificates?\\s+of\\s+added\\s+qualifications?\\s+in"
              + "|special\\s+qualifications?\\s+in"
              + "|licensed\\s+(?:in|as\\s+an?)"
              + "|speciali(?:z|s)(?:es|ing|ed)\\s+in|specialist\\s+in"
              + "|fellowship(?:[-\\s]+trained|\\s+training)?\\s+in)"
              + "\\s*(?:(?:both|two|three|four|the\\s+following)\\s+(?:(?:sub)?specialties\\s*:?\\s*(?:of\\s+)?)?)?"
              + WRITTEN_NAME
              + CREDENTIAL_END,
          "board",
          "certified",
          "diplomate",
          "subspecialt",
          "sub-specialt",
          "certificate",
          "special",
          "licensed",
          "fellowship");

  /**
   * "is a Licensed Acupuncturist", "is a Doctor of Chiropractic", "is a Board Certified Orthopedic
   * Surgeon": taken only when the table knows the name, since "is a" begins much else.
   */
  private static final AnchoredPattern IS_A =
      new AnchoredPattern(
          "(?i)\\bis an?\\s+(?:(?:licensed|board[-\\s]+certified|fellowship[-\\s]+trained|practicing|"
              + "practising)\\s+)*"
              + WRITTEN_NAME
              + CREDENTIAL_END,
          "is a");

  /** Words that begin no name: what a credential pattern took by mistake. */
  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "(?i)^(?:and|or|is|are|has|have|the|a|an|to|by|in|of|with|who|he|she|his|her|their|"
              + "this|that|licensed|certified|physician|reviewer|member|active|practicing)\\b");

  /** "the American Board of Surgery" names Surgery. */
  private static final Pattern BOARD_NAME =
      Pattern.compile("(?i)^(?:the\\s+)?American\\s+Board\\s+of\\s+");

  /** More words than this is a clause the pattern took, not a name. */
  private static final int MAX_NAME_WORDS = 14;

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
              + "|MEDICAL\\s+REVIEWER\\s+QUALIFICATIONS|REVIEWER\\s+QUALIFICATIONS"
              + "|Credentials\\s*/\\s*Qualifications)\\s*:?",
          "how",
          "credentials",
          "medical",
          "reviewer");

  /** How much of the letter's opening describes the reviewer when no heading marks it. */
  private static final int NO_HEADING_CHARS = 4000;

  private static final AnchoredPattern CASE_SUMMARY =
      AnchoredPattern.atLineStart("(?im)^\\s*(?:CLINICAL\\s+)?CASE\\s+SUMMARY", "clinical", "case");

  /** How much of the text after a credentials heading describes the reviewer. */
  private static final int CREDENTIALS_CODE_POINTS = 1500;

  /** Resolutions remembered: credential phrases repeat across a corpus, word for word. */
  private static final int REMEMBERED_PHRASES = 10_000;

  private final Vocabulary vocabulary;

  /**
   * What each written credential phrase resolves to, by phrase: resolving tries the tables (with
   * their one-slip fallback) several times a phrase, a cost each letter would pay again.
   */
  private final Cache<String, Resolved> resolved =
      Caffeine.newBuilder().maximumSize(REMEMBERED_PHRASES).build();

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
      specialties.addAll(
          WrittenNames.resolve(list.group(1), vocabulary.specialties(), "specialty", warnings));
    }
    MatchResult licensure = LICENSURE_LIST.find(text);
    if (licensure != null) {
      states.addAll(
          WrittenNames.resolve(licensure.group(1), vocabulary.states(), "state", warnings));
    }
    LowerCased credentials = LowerCased.of(credentialsParagraph(text));
    if (specialties.isEmpty()) {
      prose(credentials, specialties, states, warnings);
    }
    if (states.isEmpty()) {
      for (MatchResult m : LICENSED_TO_PRACTICE.findAll(credentials)) {
        states.addAll(WrittenNames.resolve(m.group(1), vocabulary.states(), "state", warnings));
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
    int start = m == null ? 0 : m.end();
    int end = start;
    if (m == null) {
      end = Math.min(t.length(), NO_HEADING_CHARS);
    } else {
      // The paragraph: what follows the heading, up to CREDENTIALS_CODE_POINTS characters.
      for (int n = 0; n < CREDENTIALS_CODE_POINTS && end < t.length(); n++) {
        end += Character.charCount(t.codePointAt(end));
      }
    }
    // Never into the case summary: "referred to a specialist in pain management" there is not
    // the reviewer's credential.
    MatchResult summary = CASE_SUMMARY.find(text.sub(start, end));
    return Prose.join(t.substring(start, summary == null ? end : start + summary.start()));
  }

  /** A name a credential pattern found; {@code knownOnly} when only a known name counts. */
  private record Written(MatchResult match, boolean knownOnly) {}

  /**
   * The credentials written in prose, in the order the text gives them: a state or a list of states
   * is licensure, never a specialty.
   */
  private void prose(
      LowerCased credentials, Set<String> specialties, Set<String> states, List<String> warnings) {
    List<Written> found = new ArrayList<>();
    CREDENTIAL.findAll(credentials).forEach(m -> found.add(new Written(m, false)));
    IS_A.findAll(credentials).forEach(m -> found.add(new Written(m, true)));
    found.sort(Comparator.comparingInt(w -> w.match().start()));
    for (Written w : found) {
      MatchResult m = w.match();
      String written = BOARD_NAME.matcher(m.group(1).strip()).replaceFirst("");
      if (NOT_A_NAME.matcher(written).find() || WHITESPACE.split(written).length > MAX_NAME_WORDS) {
        continue;
      }
      Resolved r =
          resolved.get((w.knownOnly() ? "known:" : "any:") + written, k -> resolve(written, w));
      specialties.addAll(r.specialties());
      states.addAll(r.states());
      warnings.addAll(r.warnings());
    }
  }

  /** One written credential as specialties or (a list of states) licensure, and its warnings. */
  private Resolved resolve(String written, Written w) {
    Optional<List<String>> licensure = WrittenNames.allKnown(written, vocabulary.states());
    if (licensure.isPresent()) {
      return new Resolved(List.of(), licensure.get(), List.of()); // "licensed in CA and Texas"
    }
    if (w.knownOnly()) {
      return new Resolved(
          WrittenNames.allKnown(written, vocabulary.specialties()).orElse(List.of()),
          List.of(),
          List.of());
    }
    List<String> warnings = new ArrayList<>();
    List<String> names =
        WrittenNames.resolve(written, vocabulary.specialties(), "specialty", warnings);
    return new Resolved(names, List.of(), warnings);
  }

  /** A credential phrase resolved: pure, so remembered by its text. */
  private record Resolved(List<String> specialties, List<String> states, List<String> warnings) {
    Resolved {
      specialties = List.copyOf(specialties);
      states = List.copyOf(states);
      warnings = List.copyOf(warnings);
    }
  }
}
