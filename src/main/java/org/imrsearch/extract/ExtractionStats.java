package org.imrsearch.extract;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;

/**
 * What an extraction run found, field by field: how many letters (or decisions) have a value, the
 * warnings by kind, and the most frequent specialties and citation paths, so that a reviewer sees
 * gaps and noise at a glance ({@code imr extract --stats}). Not thread-safe: feed it from one
 * thread.
 */
public final class ExtractionStats {
  private static final int TOP = 10;

  /** A warning's quoted details and numbers, which vary from letter to letter within one kind. */
  private static final Pattern DETAILS = Pattern.compile("'[^']*'|\"[^\"]*\"|\\d+");

  private static final Map<String, Predicate<Letter>> LETTER_FIELDS = letterFields();
  private static final Map<String, Predicate<Decision>> DECISION_FIELDS = decisionFields();

  private int letters;
  private int failed;
  private int decisions;
  private final Map<String, Integer> lettersWith = new LinkedHashMap<>();
  private final Map<String, Integer> decisionsWith = new LinkedHashMap<>();
  private final Map<String, Integer> warnings = new TreeMap<>();
  private final Map<String, Integer> specialties = new TreeMap<>();
  private final Map<String, Integer> citations = new TreeMap<>();
  private final Map<String, Integer> layouts = new TreeMap<>();

  private static Map<String, Predicate<Letter>> letterFields() {
    Map<String, Predicate<Letter>> f = new LinkedHashMap<>();
    f.put("caseNumber", l -> l.caseNumber() != null);
    f.put("decisionDate", l -> l.decisionDate() != null);
    f.put("dateAssigned", l -> l.dateAssigned() != null);
    f.put("urDenialDate", l -> l.urDenialDate() != null);
    f.put("applicationReceived", l -> l.applicationReceived() != null);
    f.put("priority", l -> l.priority() != null);
    f.put("reviewer.title", l -> l.reviewer().title() != null);
    f.put("reviewer.specialties", l -> !l.reviewer().specialties().isEmpty());
    f.put("reviewer.licensure", l -> !l.reviewer().licensure().isEmpty());
    f.put("patient.age", l -> l.patient().age() != null);
    f.put("patient.sex", l -> l.patient().sex() != null);
    f.put("patient.injuryDate", l -> l.patient().injuryDate() != null);
    f.put("diagnoses", l -> !l.diagnoses().isEmpty());
    f.put("caseSummary", l -> !l.caseSummary().isBlank());
    f.put("decisions", l -> !l.decisions().isEmpty());
    return f;
  }

  private static Map<String, Predicate<Decision>> decisionFields() {
    Map<String, Predicate<Decision>> f = new LinkedHashMap<>();
    f.put("item", d -> !d.item().isBlank());
    f.put("treatmentCategory", d -> d.treatmentCategory() != null);
    f.put("reviewerGuideline.sources", d -> !d.reviewerGuideline().sources().isEmpty());
    f.put("reviewerGuideline.citations", d -> !d.reviewerGuideline().citations().isEmpty());
    f.put(
        "claimsAdministratorGuideline.sources",
        d -> !d.claimsAdministratorGuideline().sources().isEmpty());
    f.put(
        "claimsAdministratorGuideline.citations",
        d -> !d.claimsAdministratorGuideline().citations().isEmpty());
    f.put("rationale", d -> !d.rationale().isBlank());
    return f;
  }

  /** Counts one extracted letter. */
  public void add(Letter letter) {
    letters++;
    count(layouts, letter.layout());
    LETTER_FIELDS.forEach(
        (name, has) -> lettersWith.merge(name, has.test(letter) ? 1 : 0, Integer::sum));
    for (String warning : letter.warnings()) {
      count(warnings, DETAILS.matcher(warning).replaceAll("…"));
    }
    letter.reviewer().specialties().forEach(s -> count(specialties, s));
    for (Decision d : letter.decisions()) {
      decisions++;
      DECISION_FIELDS.forEach(
          (name, has) -> decisionsWith.merge(name, has.test(d) ? 1 : 0, Integer::sum));
      d.reviewerGuideline().citations().forEach(c -> count(citations, c));
      d.claimsAdministratorGuideline().citations().forEach(c -> count(citations, c));
    }
  }

  /** Counts a file that was not read or not a letter. */
  public void addFailure() {
    failed++;
  }

  /** Prints the report as plain text. */
  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "letters: %d extracted, %d failed; decisions: %d%n",
        letters,
        failed,
        decisions);
    section(out, "layouts", layouts, Integer.MAX_VALUE);
    out.println();
    out.println("letters with a value:");
    lettersWith.forEach(
        (name, n) ->
            out.printf(Locale.ROOT, "  %-40s %6d  %5.1f%%%n", name, n, percent(n, letters)));
    out.println("decisions with a value:");
    decisionsWith.forEach(
        (name, n) ->
            out.printf(Locale.ROOT, "  %-40s %6d  %5.1f%%%n", name, n, percent(n, decisions)));
    section(out, "warnings by kind", warnings, Integer.MAX_VALUE);
    section(out, "top specialties", specialties, TOP);
    section(out, "top citation paths (both parties)", citations, TOP);
  }

  private static void section(PrintStream out, String title, Map<String, Integer> counts, int top) {
    out.println(title + ":" + (counts.isEmpty() ? " none" : ""));
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
  }

  private static double percent(int n, int of) {
    return of == 0 ? 0 : 100.0 * n / of;
  }

  private static void count(Map<String, Integer> counts, String key) {
    counts.merge(key, 1, Integer::sum);
  }
}
