package org.imrsearch.generate;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.imrsearch.generate.GeneratorVocabulary.Citation;
import org.imrsearch.generate.LetterGenerator.Content;
import org.imrsearch.generate.LetterGenerator.Decision;

/**
 * Writes generated content as a letter in one of the known layouts, the way PDF text comes out:
 * lines wrapped at about 95 characters (sometimes hyphenated), page footers and the case number
 * repeated at page tops, form feeds, and sometimes CRLF line ends.
 */
final class LetterRenderer {
  static final String DWC_2016 = "dwc-2016";
  static final String MAXIMUS_2013 = "maximus-2013";
  static final String PROFESSIONAL_REVIEW = "professional-review";
  static final String NOTICE_2013 = "notice-2013";
  static final List<String> OLDER = List.of(MAXIMUS_2013, PROFESSIONAL_REVIEW, NOTICE_2013);
  static final List<String> LAYOUTS =
      List.of(DWC_2016, MAXIMUS_2013, PROFESSIONAL_REVIEW, NOTICE_2013);
  private static final DateTimeFormatter US =
      DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
  private static final int WIDTH = 95;
  private static final int LINES_PER_PAGE = 52;
  private static final String BOILERPLATE =
      "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no"
          + " affiliation with the employer, employee, providers or the claims administrator."
          + " He/she has been in active clinical practice for more than five years and is currently"
          + " working at least 24 hours a week in active practice.";

  private LetterRenderer() {}

  static String render(Content c, Random random) {
    List<String> lines = new ArrayList<>();
    lines.add(LetterGenerator.BANNER);
    switch (c.layout()) {
      case DWC_2016 -> dwc2016(c, lines, random);
      case MAXIMUS_2013 -> maximus2013(c, lines, random);
      case PROFESSIONAL_REVIEW -> professionalReview(c, lines, random);
      default -> notice2013(c, lines, random);
    }
    return paginate(c.caseNumber(), lines, random);
  }

  private static void dwc2016(Content c, List<String> out, Random r) {
    out.add("Case Number: " + c.caseNumber());
    out.add(
        "Date Assigned: " + US.format(c.assigned()) + " Date of Injury: " + US.format(c.injury()));
    out.add(
        "Decision Date: " + US.format(c.decided()) + " UR Denial Date: " + US.format(c.urDenial()));
    out.add("Priority: Standard Application " + US.format(c.received()));
    out.add("Received:");
    out.add("");
    out.add("HOW THE IMR FINAL DETERMINATION WAS MADE");
    prose(out, BOILERPLATE, r);
    out.add("The Expert Reviewer has the following credentials:");
    out.add("State(s) of Licensure: " + String.join(", ", c.states()));
    out.add("Certification(s)/Specialty: " + c.specialty().written());
    out.add("");
    out.add("CLINICAL CASE SUMMARY");
    out.add(
        "The expert reviewer developed the following clinical case summary based on a review of"
            + " the");
    out.add("case file, including all medical records:");
    out.add("");
    prose(out, summary(c), r);
    out.add("IMR ISSUES, DECISIONS AND RATIONALES");
    out.add(
        "The Final Determination was based on decisions for the disputed items/services set forth"
            + " below:");
    out.add("");
    for (Decision d : c.decisions()) {
      String outcome = d.overturned() ? "Overturned" : "Upheld";
      if (r.nextInt(5) == 0) {
        out.add(
            d.item() + ":"); // the outcome word wraps onto its own line, as PDF text often has it
        out.add(outcome);
      } else {
        out.add(d.item() + ": " + outcome);
      }
      out.add("");
      paragraph(
          out,
          "Claims Administrator guideline: "
              + modernCitation(d.claimsAdministrator(), "The Claims Administrator"),
          r);
      paragraph(
          out, "MAXIMUS guideline: " + modernCitation(d.reviewer(), "The Expert Reviewer"), r);
      prose(out, "Decision rationale: " + d.rationale(), r);
    }
  }

  private static String modernCitation(Citation c, String party) {
    if (c == null) {
      return party + " did not cite any medical evidence for its decision.";
    }
    return c.family().equals("MTUS")
        ? "Decision based on " + c.text() + "."
        : party
            + " based their decision on recommendation(s) outside of the MTUS Guidelines. Decision"
            + " based on Non-MTUS Citation "
            + c.text()
            + ".";
  }

  private static String olderCitation(Citation c) {
    if (c == null) {
      return "The reviewer did not cite any medical evidence for this decision.";
    }
    return c.family().equals("MTUS")
        ? "California " + c.text().replace("Section(s): ", "") + "."
        : c.text() + ".";
  }

  private static void maximus2013(Content c, List<String> out, Random r) {
    out.add("MAXIMUS FEDERAL SERVICES, INC.");
    out.add("Independent Medical Review");
    out.add("Dated: " + US.format(c.decided()));
    out.add("IMR Case Number: " + c.caseNumber());
    out.add("Date of UR Decision: " + US.format(c.urDenial()));
    out.add("Date of Injury: " + US.format(c.injury()));
    out.add("");
    paragraph(out, credentials(c), r);
    out.add("DOCUMENTS REVIEWED");
    out.add("Utilization Review Determination dated " + US.format(c.urDenial()));
    out.add("Medical records from the treating physician");
    out.add("");
    out.add("CLINICAL CASE SUMMARY");
    prose(out, summary(c), r);
    out.add("IMR DECISION(S) AND RATIONALE(S)");
    out.add("");
    int n = 1;
    for (Decision d : c.decisions()) {
      paragraph(
          out,
          n++
              + ". "
              + capitalize(d.item())
              + " is "
              + (d.overturned() ? "" : "not ")
              + "medically necessary and appropriate.",
          r);
      out.add("Guidelines Used in Decision:");
      paragraph(out, olderCitation(d.reviewer()), r);
      out.add("Rationale for the Decision:");
      prose(out, d.rationale(), r);
    }
  }

  private static void notice2013(Content c, List<String> out, Random r) {
    out.add("MAXIMUS FEDERAL SERVICES, INC.");
    out.add("Notice of Independent Medical Review Determination");
    out.add("Dated: " + US.format(c.decided()));
    out.add("IMR Case Number: " + c.caseNumber());
    out.add("Date of UR Decision: " + US.format(c.urDenial()));
    out.add("Date of Injury: " + US.format(c.injury()));
    out.add("");
    List<String> statements = new ArrayList<>();
    int n = 1;
    for (Decision d : c.decisions()) {
      statements.add(
          n++
              + ") MAXIMUS Federal Services, Inc. has determined the request for "
              + d.item()
              + " is "
              + (d.overturned() ? "" : "not ")
              + "medically necessary and appropriate.");
    }
    statements.forEach(s -> paragraph(out, s, r));
    out.add("INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE");
    paragraph(
        out,
        "An application for Independent Medical Review was filed on "
            + US.format(c.received())
            + " disputing the Utilization Review Denial dated "
            + US.format(c.urDenial())
            + ". A Notice of Assignment and Request for "
            + "Information was provided to the above parties on "
            + US.format(c.assigned())
            + ".",
        r);
    statements.forEach(s -> paragraph(out, s, r));
    out.add("Medical Qualifications of the Expert Reviewer:");
    paragraph(out, credentials(c), r);
    out.add("Case Summary:");
    prose(out, summary(c), r);
    n = 1;
    for (Decision d : c.decisions()) {
      paragraph(out, n++ + ") Regarding the request for " + d.item() + ":", r);
      out.add("Medical Treatment Guideline(s) used by the Expert Reviewer:");
      paragraph(out, olderCitation(d.reviewer()), r);
      out.add("Rationale for the Decision:");
      prose(out, d.rationale(), r);
    }
  }

  private static void professionalReview(Content c, List<String> out, Random r) {
    Decision d = c.decisions().getFirst();
    out.add("MEDICAL PROFESSIONAL REVIEW");
    out.add("IMR Case Number: " + c.caseNumber());
    out.add("Dated: " + US.format(c.decided()));
    out.add("Date of Injury: " + US.format(c.injury()));
    out.add("");
    out.add("ISSUE AT DISPUTE:");
    out.add(capitalize(d.item()));
    out.add("");
    out.add("CASE SUMMARY:");
    prose(out, summary(c), r);
    out.add("DOCUMENTS REVIEWED FOR DETERMINATION:");
    out.add("Utilization review determination; treating physician reports.");
    out.add("");
    out.add("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:");
    paragraph(out, olderCitation(d.reviewer()), r);
    out.add("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:");
    prose(out, d.rationale(), r);
    out.add("MEDICAL REVIEWER QUALIFICATIONS:");
    paragraph(out, credentials(c), r);
  }

  private static String credentials(Content c) {
    return "The physician reviewer is Board Certified in "
        + c.specialty().written()
        + " and is licensed to practice in "
        + String.join(" and ", c.states())
        + ".";
  }

  private static String summary(Content c) {
    return "The injured worker is a "
        + c.age()
        + " year old "
        + c.sex()
        + " who sustained an industrial injury on "
        + c.injury().format(DateTimeFormatter.ofPattern("M-d-yyyy", Locale.ROOT))
        + ". The injured worker is being treated for "
        + "the diagnoses of "
        + String.join(", ", c.diagnoses())
        + ". "
        + String.join(" ", c.clinical())
        + " The treating physician requested the items in dispute, which utilization review"
        + " non-certified on "
        + US.format(c.urDenial())
        + ".";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A paragraph wrapped at about {@link #WIDTH} columns. */
  private static void paragraph(List<String> out, String text, Random r) {
    wrap(out, text, r, false);
  }

  /** Running prose: wrapped, now and then hyphenating a long word across the line break. */
  private static void prose(List<String> out, String text, Random r) {
    wrap(out, text, r, true);
  }

  private static void wrap(List<String> out, String text, Random r, boolean hyphenate) {
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > WIDTH && !line.isEmpty()) {
        if (hyphenate && word.length() > 9 && word.matches("[a-z]+") && r.nextInt(6) == 0) {
          int cut = 4 + r.nextInt(word.length() - 8);
          out.add(line + " " + word.substring(0, cut) + "-");
          line = new StringBuilder(word.substring(cut));
          continue;
        }
        out.add(line.toString());
        line = new StringBuilder();
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      out.add(line.toString());
    }
    out.add("");
  }

  /** Page footers, the case number at each page top, form feeds; CRLF for some letters. */
  private static String paginate(String caseNumber, List<String> lines, Random r) {
    int pages = (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
    boolean debris = r.nextInt(3) > 0;
    StringBuilder text = new StringBuilder();
    String eol = r.nextInt(5) == 0 ? "\r\n" : "\n";
    for (int i = 0; i < lines.size(); i++) {
      if (debris && i > 0 && i % LINES_PER_PAGE == 0) {
        int page = i / LINES_PER_PAGE;
        text.append("Page ")
            .append(page)
            .append(" of ")
            .append(pages)
            .append(eol)
            .append('\f')
            .append(caseNumber)
            .append(eol);
      }
      text.append(lines.get(i)).append(eol);
    }
    return text.toString();
  }
}
