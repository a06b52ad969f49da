package org.imrsearch.config;

/**
 * Everything the extractor knows about how letters name things, loaded once from index-config: a
 * domain expert changes these tables, not the Java.
 */
public record Vocabulary(
    ConfigSource source,
    NameTable specialties,
    NameTable states,
    GuidelineRules guidelines,
    TreatmentRules treatments,
    DiagnosisWords diagnosisWords) {

  public static Vocabulary load(ConfigSource source) {
    return new Vocabulary(
        source,
        NameTable.load(source, "specialties.tsv"),
        NameTable.load(source, "states.tsv"),
        GuidelineRules.load(source),
        TreatmentRules.load(source),
        DiagnosisWords.load(source));
  }
}
