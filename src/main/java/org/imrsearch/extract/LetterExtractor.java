package org.imrsearch.extract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.imrsearch.config.Vocabulary;
import org.imrsearch.extract.AnchoredPattern.LowerCased;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Layout;
import org.imrsearch.model.Letter;
import org.imrsearch.model.Patient;
import org.imrsearch.model.Reviewer;

/**
 * Turns the text of one letter into a {@link Letter}: cleans it, recognises the layout, and runs
 * one extractor per part (header, reviewer, patient, summary, decisions). Safe to share between
 * threads; the only state it keeps is bounded memos of pure functions (guideline parses and
 * treatment categories by text), which change no result. A missing field never fails the letter: it
 * is left empty and named in the letter's warnings.
 */
public final class LetterExtractor {
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s.,;:]+");
  private static final AnchoredPattern CASE_SUMMARY =
      AnchoredPattern.atLineStart(
          "(?im)^\\s*(?:CLINICAL\\s+)?CASE\\s+SUMMARY\\s*:?", "clinical", "case");
  private static final AnchoredPattern SUMMARY_END =
      AnchoredPattern.atLineStart(
          "(?im)^\\s*(?:IMR\\s+ISSUES|IMR\\s+DECISION|DOCUMENTS\\s+REVIEWED|MEDICAL\\s+"
              + "TREATMENT\\s+GUIDELINE|"
              + "RATIONALE\\s+FOR"
              + "|MEDICAL\\s+REVIEWER\\s+QUALIFICATIONS|ISSUES?\\s+AT\\s+DISPUTE|INDEPENDENT\\s+"
              + "MEDICAL\\s+REVIEW\\s+DECISION"
              + "|\\d{1,2}\\s*\\)\\s+Regarding|\\d{1,2}\\s*[.)]\\s+MAXIMUS\\s+Federal)",
          "imr",
          "documents",
          "medical",
          "rationale",
          "issue",
          "independent",
          "0",
          "1",
          "2",
          "3",
          "4",
          "5",
          "6",
          "7",
          "8",
          "9");
  private static final Pattern SUMMARY_BOILERPLATE =
      Pattern.compile(
          "(?is)^\\s*(?:The\\s+(?:expert|physician)\\s+reviewer\\s+developed\\s+the\\s+"
              + "following\\s+clinical\\s+case\\s+summary.{0,120}?records\\s*:"
              + "|Disclaimer\\s*:\\s*The\\s+following\\s+case\\s+summary\\s+was\\s+"
              + "taken.{0,160}?(?:dated\\s+"
              + Dates.DATE
              + "|\\.\\s))");

  /** The line {@code imr generate} writes into every synthetic letter. */
  static final String SYNTHETIC_BANNER = "SYNTHETIC LETTER FOR TESTING - NOT A REAL IMR DECISION";

  /** Real letters are 5-60 thousand characters; a million is many letters, not one. */
  public static final int MAX_CHARS = 1_000_000;

  private static final int REMEMBERED_ITEMS = 50_000;

  private final Vocabulary vocabulary;
  private final ReviewerExtractor reviewers;
  private final DiagnosisExtractor diagnoses;
  private final ModernDecisionExtractor modern;
  private final NumberedDecisionExtractor numbered;
  private final ProfessionalReviewExtractor professional;

  /**
   * Treatment categories by item text: items repeat across a corpus ("MRI of the lumbar spine"),
   * and each categorization tries the category patterns in turn.
   */
  private final Cache<String, String> categories =
      Caffeine.newBuilder().maximumSize(REMEMBERED_ITEMS).build();

  public LetterExtractor(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    PartyGuidelines guidelines = new PartyGuidelines(new GuidelineParser(vocabulary.guidelines()));
    this.reviewers = new ReviewerExtractor(vocabulary);
    this.diagnoses = new DiagnosisExtractor(vocabulary.diagnosisWords());
    this.modern = new ModernDecisionExtractor(guidelines);
    this.numbered = new NumberedDecisionExtractor(guidelines);
    this.professional = new ProfessionalReviewExtractor(guidelines);
  }

  /**
   * Extracts one letter.
   *
   * @param source where the text came from, kept in the record
   * @param raw the text as read from the file
   * @throws NotALetterException when no known layout is recognised
   */
  public Letter extract(String source, String raw) throws NotALetterException {
    if (raw.length() > MAX_CHARS) {
      throw new NotALetterException(
          String.format(
              Locale.ROOT,
              "too much text for one letter (%,d characters; the limit is %,d)",
              raw.length(),
              MAX_CHARS));
    }
    String text = TextCleaner.clean(raw);
    if (text.isBlank()) {
      throw new NotALetterException("no text (empty, or a scanned image without a text layer)");
    }
    LowerCased lowerCased = LowerCased.of(text);
    Layout layout =
        LayoutDetector.detect(lowerCased)
            .orElseThrow(
                () ->
                    new NotALetterException(
                        "not an IMR determination letter (no known layout's headings found)"));
    List<String> warnings = new ArrayList<>();
    Header header = HeaderExtractor.extract(lowerCased, layout, warnings);
    Reviewer reviewer = reviewers.extract(lowerCased, warnings);
    String summary = Prose.join(caseSummary(lowerCased));
    Patient patient = PatientExtractor.extract(summary, header.injuryDate(), text);
    List<String> diagnosisList = diagnoses.extract(summary, warnings);
    List<Decision> decisions = decisions(layout, lowerCased, warnings);
    if (decisions.isEmpty()) {
      // Letters of the transition years mix layouts (modern headings over numbered "is not
      // medically necessary" items): when the layout's own reader finds nothing, try the others.
      for (Layout other : Layout.values()) {
        if (other != layout && decisions.isEmpty()) {
          decisions = decisions(other, lowerCased, new ArrayList<>());
        }
      }
      warnings.add(
          decisions.isEmpty()
              ? "no decisions found"
              : "decisions found only in another layout's form");
    }
    String id = header.caseNumber() != null ? header.caseNumber() : "sha-" + contentHash(text);
    boolean synthetic = text.contains(SYNTHETIC_BANNER);
    return new Letter(
        source,
        id,
        layout.key(),
        synthetic,
        header.caseNumber(),
        header.decisionDate(),
        header.dateAssigned(),
        header.urDenialDate(),
        header.applicationReceived(),
        header.priority(),
        reviewer,
        patient,
        diagnosisList,
        summary,
        decisions,
        warnings,
        text);
  }

  private List<Decision> decisions(Layout layout, LowerCased text, List<String> warnings) {
    TreatmentNamer namer = item -> categories.get(item, vocabulary.treatments()::categorize);
    return switch (layout) {
      case DWC_2016 -> modern.extract(text, warnings, namer);
      case MAXIMUS_2013, NOTICE_2013 -> numbered.extract(text.text(), warnings, namer);
      case PROFESSIONAL_REVIEW -> professional.extract(text.text(), warnings, namer);
    };
  }

  private static String caseSummary(LowerCased text) {
    MatchResult start = CASE_SUMMARY.find(text);
    if (start == null) {
      return "";
    }
    MatchResult end = SUMMARY_END.find(text, start.end());
    int stop = end != null ? end.start() : text.length();
    String summary =
        SUMMARY_BOILERPLATE.matcher(text.text().substring(start.end(), stop)).replaceFirst("");
    return LEADING_PUNCTUATION.matcher(summary).replaceFirst("").strip();
  }

  private static String contentHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
