package org.imrsearch.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How guideline blocks are read, from {@code guidelines.tsv} (which wording means no citation,
 * which mentions are negations, which patterns name which family) and the tables every citation
 * path is built from: {@code mtus-parts.tsv}, {@code mtus-sections.tsv}, {@code
 * mtus-acoem-chapters.tsv}, {@code odg-chapters.tsv}, {@code odg-topics.tsv}, {@code
 * acoem-chapters.tsv} and {@code other-sources.tsv}. A path is only ever made of these tables'
 * canonical names (and the year a letter writes after an MTUS part).
 *
 * @param mtusParts the MTUS parts, their patterns to match against lower-cased text
 * @param mtusSections the sections of each MTUS part, by canonical part name
 * @param adoptedAcoemChapters the ACOEM 2004 chapters the MTUS adopted, by chapter number
 */
public record GuidelineRules(
    List<Pattern> none,
    List<Pattern> negations,
    List<Pattern> boilerplate,
    List<NamedPattern> families,
    List<Pattern> strongOther,
    List<Pattern> weakOther,
    List<NamedPattern> mtusParts,
    Map<String, NameTable> mtusSections,
    Map<Integer, AdoptedChapter> adoptedAcoemChapters,
    NameTable odgChapters,
    NameTable odgTopics,
    NameTable acoemChapters,
    List<NamedPattern> otherSources) {

  /**
   * An ACOEM 2004 chapter as the MTUS adopted it: its MTUS part, the year and, for the chapters the
   * MTUS groups under one part (General Approaches), the section; null when the chapter is a part.
   */
  public record AdoptedChapter(String part, String year, String section) {}

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
    mtusSections = Map.copyOf(mtusSections);
    // In chapter order: a block naming several adopted chapters lists them as the book does.
    adoptedAcoemChapters = Collections.unmodifiableMap(new TreeMap<>(adoptedAcoemChapters));
    otherSources = List.copyOf(otherSources);
  }

  /** The sections of an MTUS part (canonical name), empty when the table lists none. */
  public NameTable sectionsOf(String part) {
    return mtusSections.getOrDefault(part, NameTable.EMPTY);
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
      // Matched against the lower-cased block: several times faster than case-insensitive.
      parts.add(new NamedPattern(pathName(row, 0), row.lowerCaseRegex(1)));
    }
    Set<String> partNames = new HashSet<>();
    parts.forEach(p -> partNames.add(p.name()));
    Map<String, NameTable> sections = mtusSections(config, partNames);
    return new GuidelineRules(
        none,
        negations,
        boilerplate,
        families,
        strong,
        weak,
        parts,
        sections,
        adoptedChapters(config, partNames, sections),
        names(config, "odg-chapters.tsv"),
        names(config, "odg-topics.tsv"),
        names(config, "acoem-chapters.tsv"),
        otherSources(config));
  }

  private static Map<String, NameTable> mtusSections(ConfigSource config, Set<String> partNames) {
    Map<String, List<TableRow>> rowsByPart = new LinkedHashMap<>();
    for (TableRow row : config.table("mtus-sections.tsv", 2)) {
      pathName(row, 1);
      for (String part : row.alternatives(0)) {
        if (!partNames.contains(part)) {
          throw row.error("'" + part + "' is not a part of mtus-parts.tsv");
        }
        rowsByPart.computeIfAbsent(part, p -> new ArrayList<>()).add(row);
      }
    }
    Map<String, NameTable> out = new LinkedHashMap<>();
    rowsByPart.forEach((part, rows) -> out.put(part, NameTable.of(rows, 1)));
    return out;
  }

  private static Map<Integer, AdoptedChapter> adoptedChapters(
      ConfigSource config, Set<String> partNames, Map<String, NameTable> sections) {
    Map<Integer, AdoptedChapter> out = new HashMap<>();
    for (TableRow row : config.table("mtus-acoem-chapters.tsv", 3)) {
      if (!row.cell(0).matches("\\d{1,2}") || !row.cell(2).matches("(?:19|20)\\d{2}")) {
        throw row.error(
            "expected a chapter number and a year, not '"
                + row.cell(0)
                + "', '"
                + row.cell(2)
                + "'");
      }
      String part = row.cell(1);
      if (!partNames.contains(part)) {
        throw row.error("'" + part + "' is not a part of mtus-parts.tsv");
      }
      String section = row.cell(3).isEmpty() ? null : row.cell(3);
      if (section != null
          && !sections.getOrDefault(part, NameTable.EMPTY).names().contains(section)) {
        throw row.error("'" + section + "' is not a section of " + part + " in mtus-sections.tsv");
      }
      out.put(Integer.parseInt(row.cell(0)), new AdoptedChapter(part, row.cell(2), section));
    }
    return out;
  }

  private static NameTable names(ConfigSource config, String file) {
    List<TableRow> rows = config.table(file, 1);
    rows.forEach(row -> pathName(row, 0));
    return NameTable.of(rows, 0);
  }

  private static List<NamedPattern> otherSources(ConfigSource config) {
    List<NamedPattern> out = new ArrayList<>();
    for (TableRow row : config.table("other-sources.tsv", 2)) {
      out.add(new NamedPattern(pathName(row, 0), row.regex(1)));
    }
    return out;
  }

  /**
   * Cell {@code i}, which becomes one step of a citation path: it must not contain the separator.
   */
  private static String pathName(TableRow row, int i) {
    if (row.cell(i).contains("/")) {
      throw row.error("'" + row.cell(i) + "' contains '/', the citation path separator");
    }
    return row.cell(i);
  }
}
