package org.imrsearch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How guideline blocks are read, from {@code guidelines.tsv}, {@code mtus-parts.tsv} and {@code
 * odg-chapters.tsv}: which wording means no citation, which mentions are negations, which patterns
 * name which family, and the MTUS parts and ODG chapters used to build citation paths.
 */
public record GuidelineRules(
    List<Pattern> none,
    List<Pattern> negations,
    List<Pattern> boilerplate,
    List<NamedPattern> families,
    List<Pattern> strongOther,
    List<Pattern> weakOther,
    List<NamedPattern> mtusParts,
    List<NamedPattern> odgChapters) {

  public static final String MTUS = "MTUS";
  public static final String ODG = "ODG";
  public static final String ACOEM = "ACOEM";
  public static final String OTHER = "Other";
  private static final Set<String> FAMILIES = Set.of(MTUS, ODG, ACOEM, OTHER);

  public GuidelineRules {
    none = List.copyOf(none);
    negations = List.copyOf(negations);
    boilerplate = List.copyOf(boilerplate);
    families = List.copyOf(families);
    strongOther = List.copyOf(strongOther);
    weakOther = List.copyOf(weakOther);
    mtusParts = List.copyOf(mtusParts);
    odgChapters = List.copyOf(odgChapters);
  }

  public static GuidelineRules load(ConfigSource config) {
    List<Pattern> none = new ArrayList<>();
    List<Pattern> negations = new ArrayList<>();
    List<Pattern> boilerplate = new ArrayList<>();
    List<NamedPattern> families = new ArrayList<>();
    List<Pattern> strong = new ArrayList<>();
    List<Pattern> weak = new ArrayList<>();
    for (TableRow row : config.table("guidelines.tsv", 2)) {
      switch (row.cell(0)) {
        case "none" -> none.add(row.regex(1));
        case "negation" -> negations.add(row.regex(1));
        case "boiler" -> boilerplate.add(row.regex(1));
        case "other" -> strong.add(row.regex(1));
        case "other-weak" -> weak.add(row.regex(1));
        case "family" -> {
          if (!FAMILIES.contains(row.cell(2))) {
            throw row.error("family must be one of " + FAMILIES + ", not '" + row.cell(2) + "'");
          }
          families.add(new NamedPattern(row.cell(2), row.regex(1)));
        }
        default -> throw row.error("unknown kind '" + row.cell(0) + "'");
      }
    }
    List<NamedPattern> parts = new ArrayList<>();
    for (TableRow row : config.table("mtus-parts.tsv", 2)) {
      parts.add(new NamedPattern(row.cell(0), row.regex(1)));
    }
    List<NamedPattern> chapters = new ArrayList<>();
    for (TableRow row : config.table("odg-chapters.tsv", 1)) {
      chapters.add(new NamedPattern(row.cell(0), NamedPattern.phrase(row.cell(0))));
      for (String alias : row.alternatives(1)) {
        chapters.add(new NamedPattern(row.cell(0), NamedPattern.phrase(alias)));
      }
    }
    // Longest alias first, so "Low Back - Lumbar & Thoracic" wins over "Low Back".
    chapters.sort(
        Comparator.comparingInt((NamedPattern p) -> p.pattern().pattern().length()).reversed());
    return new GuidelineRules(
        none, negations, boilerplate, families, strong, weak, parts, chapters);
  }
}
