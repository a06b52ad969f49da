package org.imrsearch.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.imrsearch.generate.GeneratorVocabulary.Citation;
import org.imrsearch.generate.GeneratorVocabulary.Specialty;
import org.imrsearch.generate.GeneratorVocabulary.Treatment;

/**
 * Makes synthetic IMR letters: letter {@code n} of seed {@code s} is always the same letter, so a
 * corpus can be written in parallel and regenerated exactly. The content is chosen here; {@link
 * LetterRenderer} writes it in one of the layouts, with PDF debris.
 */
public final class LetterGenerator {
  /** Every generated letter carries this line, and a case number starting "SY". */
  public static final String BANNER = "SYNTHETIC LETTER FOR TESTING - NOT A REAL IMR DECISION";

  static final int FIRST_YEAR = 2013;
  static final int LAST_YEAR = 2026;
  private static final int MAX_DECISIONS = 21;

  /** Shapes decision counts like the real letters (mean about 2.4, a long tail up to 21). */
  private static final double DECISIONS_DECAY = 0.55;

  /** Scales the per-treatment rates so that about 11% of decisions are overturned overall. */
  private static final double OVERTURN_SCALE = 0.85;

  private final GeneratorVocabulary vocabulary = GeneratorVocabulary.load();
  private final long seed;
  private final List<String> layouts;

  /**
   * {@code layouts}: which layouts to write; empty means the real mix (2013 letters in the old
   * ones).
   */
  public LetterGenerator(long seed, List<String> layouts) {
    this.seed = seed;
    this.layouts = List.copyOf(layouts);
    for (String layout : layouts) {
      if (!LetterRenderer.LAYOUTS.contains(layout)) {
        throw new IllegalArgumentException(
            "unknown layout '" + layout + "'; layouts are " + LetterRenderer.LAYOUTS);
      }
    }
  }

  /** Content of one letter, before it is written in a layout. */
  record Content(
      String caseNumber,
      String layout,
      LocalDate assigned,
      LocalDate decided,
      LocalDate injury,
      LocalDate urDenial,
      LocalDate received,
      int age,
      String sex,
      Specialty specialty,
      List<String> states,
      List<String> diagnoses,
      List<String> clinical,
      List<Decision> decisions) {}

  record Decision(
      String item,
      boolean overturned,
      Citation reviewer,
      Citation claimsAdministrator,
      String rationale) {}

  public SyntheticLetter generate(long n) {
    Random random = new Random(seed * 1_000_003L + n);
    int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
    LocalDate decided = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    String layout =
        layouts.isEmpty()
            ? (year == FIRST_YEAR
                ? GeneratorVocabulary.any(LetterRenderer.OLDER, random)
                : LetterRenderer.DWC_2016)
            : GeneratorVocabulary.any(layouts, random);
    Specialty specialty = GeneratorVocabulary.pick(vocabulary.specialties, random);
    Set<String> states = new LinkedHashSet<>();
    for (int i = 0; i < 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0); i++) {
      states.add(GeneratorVocabulary.pick(vocabulary.states, random));
    }
    Set<String> diagnoses = new LinkedHashSet<>();
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      diagnoses.add(GeneratorVocabulary.any(vocabulary.diagnoses, random));
    }
    int count =
        Math.min(
            MAX_DECISIONS,
            1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) / DECISIONS_DECAY));
    if (layout.equals(LetterRenderer.PROFESSIONAL_REVIEW)) {
      count = 1; // that layout decides one issue per letter
    }
    List<Decision> decisions = new ArrayList<>();
    Set<String> items = new LinkedHashSet<>();
    while (decisions.size() < count) {
      Decision d = decision(random, specialty);
      if (items.add(d.item())) {
        decisions.add(d);
      }
    }
    String caseNumber = String.format(Locale.ROOT, "SY%02d-%07d", year % 100, n % 10_000_000);
    LocalDate assigned = decided.minusDays(20 + random.nextInt(25));
    LocalDate urDenial = assigned.minusDays(10 + random.nextInt(20));
    Content content =
        new Content(
            caseNumber,
            layout,
            assigned,
            decided,
            urDenial.minusDays(30 + random.nextInt(2000)),
            urDenial,
            assigned.minusDays(1 + random.nextInt(8)),
            22 + random.nextInt(50),
            random.nextBoolean() ? "male" : "female",
            specialty,
            List.copyOf(states),
            List.copyOf(diagnoses),
            clinical(random),
            decisions);
    String text = LetterRenderer.render(content, random);
    List<SyntheticLetter.Item> truth =
        decisions.stream()
            .map(
                d ->
                    new SyntheticLetter.Item(
                        d.item(),
                        d.overturned(),
                        d.reviewer() == null ? "" : d.reviewer().family(),
                        d.claimsAdministrator() == null ? "" : d.claimsAdministrator().family()))
            .toList();
    return new SyntheticLetter(
        caseNumber + ".txt",
        text,
        new SyntheticLetter.Truth(
            caseNumber, layout, decided, specialty.canonical(), List.copyOf(states), truth));
  }

  private List<String> clinical(Random random) {
    Set<String> sentences = new LinkedHashSet<>();
    for (int i = 0; i < 3 + random.nextInt(5); i++) {
      sentences.add(GeneratorVocabulary.any(vocabulary.clinical, random));
    }
    return List.copyOf(sentences);
  }

  private Decision decision(Random random, Specialty specialty) {
    Treatment treatment = GeneratorVocabulary.pick(vocabulary.treatments, random);
    String item = fill(treatment.template(), random);
    Citation reviewer =
        random.nextInt(12) == 0
            ? null
            : vocabulary.citations.get(GeneratorVocabulary.any(treatment.citations(), random));
    Citation ca =
        random.nextInt(4) == 0
            ? null
            : vocabulary.citations.get(GeneratorVocabulary.any(treatment.citations(), random));
    double p =
        treatment.overturnRate()
            * specialty.overturnFactor()
            * (reviewer == null ? 1 : reviewer.overturnFactor())
            * OVERTURN_SCALE;
    boolean overturned = random.nextDouble() < Math.min(0.9, p);
    List<String> sentences = new ArrayList<>();
    sentences.add(GeneratorVocabulary.any(vocabulary.guidance, random));
    if (random.nextBoolean()) {
      String more = GeneratorVocabulary.any(vocabulary.guidance, random);
      if (!sentences.contains(more)) {
        sentences.add(more);
      }
    }
    List<String> pool = overturned ? vocabulary.support : vocabulary.deny;
    // The sentence naming the request is the conclusion; the others argue.
    String conclusion = pool.stream().filter(s -> s.contains("{item}")).findFirst().orElseThrow();
    List<String> arguments = pool.stream().filter(s -> !s.contains("{item}")).toList();
    for (int i = 0; i < 2 + random.nextInt(4); i++) {
      String s = GeneratorVocabulary.any(arguments, random);
      if (!sentences.contains(s)) {
        sentences.add(s);
      }
    }
    sentences.add(conclusion.replace("{item}", item));
    return new Decision(item, overturned, reviewer, ca, String.join(" ", sentences));
  }

  private static String fill(String template, Random r) {
    int level = 3 + r.nextInt(3);
    return template
        .replace("{side}", r.nextBoolean() ? "right" : "left")
        .replace(
            "{joint}",
            GeneratorVocabulary.any(
                List.of("shoulder", "knee", "wrist", "elbow", "hip", "ankle"), r))
        .replace("{spine}", GeneratorVocabulary.any(List.of("lumbar", "cervical", "thoracic"), r))
        .replace(
            "{limbs}",
            GeneratorVocabulary.any(
                List.of(
                    "bilateral lower extremities",
                    "bilateral upper extremities",
                    "right upper extremity"),
                r))
        .replace("{count}", Integer.toString(2 + r.nextInt(23)))
        .replace(
            "{freq}", (1 + r.nextInt(3)) + " times a week for " + (2 + r.nextInt(5)) + " weeks")
        .replace("{qty}", Integer.toString(10 * (1 + r.nextInt(18))))
        .replace("{days}", Integer.toString(7 * (1 + r.nextInt(4))))
        .replace("{level2}", Integer.toString(level + 1))
        .replace("{level}", Integer.toString(level));
  }
}
