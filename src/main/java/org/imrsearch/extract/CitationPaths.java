package org.imrsearch.extract;

import static org.imrsearch.config.GuidelineRules.ACOEM;
import static org.imrsearch.config.GuidelineRules.MTUS;
import static org.imrsearch.config.GuidelineRules.ODG;
import static org.imrsearch.config.GuidelineRules.OTHER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.config.GuidelineRules;
import org.imrsearch.config.GuidelineRules.AdoptedChapter;
import org.imrsearch.config.NameTable;
import org.imrsearch.config.NamedPattern;

/**
 * The citation paths of one family in a piece of a guideline block, made only of the canonical
 * names of the index-config tables: {@code family/part/section} ({@code MTUS/Low Back Complaints
 * 2004/Special Studies}, {@code ODG/Low Back/MRIs (magnetic resonance imaging)}), {@code
 * family/part} when no section the table knows is named, {@code family} alone when not even the
 * part is. Wording no table knows is left out, never copied into a path.
 */
final class CitationPaths {
  private static final Pattern YEAR = Pattern.compile("^\\s*,?\\s*\\(?((?:19|20)\\d{2})\\)?");
  private static final Pattern YEAR_IN_BRACKETS = Pattern.compile("\\(((?:19|20)\\d{2})\\)");
  private static final Pattern SECTION_LABEL =
      Pattern.compile(
          "(?i)^[\\s,.:;-]*(?:Guidelines?)?[\\s,.:;-]*(?:Section\\(s\\)|Sections?)\\s*:?");
  private static final Pattern PAGES =
      Pattern.compile(
          "(?i)\\bPages?(?:\\(s\\))?\\s*:?\\s*[\\d,\\s\\-]+(?:of\\s+\\d+)?\\.?|\\bpp?g?\\.?\\s*\\d+"
              + "(?:\\s*-\\s*\\d+)?");
  private static final Pattern WHICH_IS = Pattern.compile("(?i),?\\s+which\\s+(?:is|are)\\b");
  private static final Pattern NUMBERED_SECTION =
      Pattern.compile("(?:^|,\\s*)(?=\\d+(?:\\.\\d+)*\\.?\\s+[A-Za-z])");
  private static final Pattern SECTION_NUMBER = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?\\s");

  /** Where an MTUS part's sections end: another family's citation begins. */
  private static final Pattern OTHER_FAMILY =
      Pattern.compile(
          "(?i)Official\\s+Disability|\\bODG\\b|\\bACOEM\\b|\\bOther\\s+(?:Medical\\s+Treatment\\s+)"
              + "?Guidelines?\\b|Non-?\\s*MTUS");

  private static final Pattern ACOEM_CHAPTER_NUMBER =
      Pattern.compile("(?i)\\bChapter\\s+(\\d{1,2})\\b");
  private static final Pattern ODG_NAME =
      Pattern.compile(
          "(?i)Official\\s+Disability\\s+Guidelines?(?:\\s*\\(ODG\\))?|\\bODG\\b(?:\\s+guidelines?)"
              + "?|Work\\s+Loss\\s+Data\\s+Institute");
  private static final Pattern ACOEM_NAME =
      Pattern.compile(
          "(?i)\\bACOEM\\b|American\\s+College\\s+of\\s+Occupational\\s+(?:and\\s+Environmental\\s+)"
              + "?Medicine");

  /** Wording around chapter and topic names: cut there, so it splits names rather than joins. */
  private static final Pattern NOISE =
      Pattern.compile(
          "(?i)\\([^)]{0,60}?(?:acute|chronic|updated|online|edition|20\\d\\d)[^)]{0,60}?\\)"
              + "|\\bonline\\s+version\\b|\\bprocedure\\s+summary\\b|\\b(?:chapters?|sections?|"
              + "topic|practice|occupational\\s+medicine)\\b|\\b(?:19|20)\\d\\d\\b"
              + "|\\b\\d+(?:st|nd|rd|th)\\s+(?:ed\\b|edition)");

  /** Where an ODG citation ends: a source of another family follows. */
  private static final Pattern ODG_END =
      Pattern.compile(
          "(?i)\\band\\s+Other\\b|\\bOther\\s+Medical\\s+Treatment|\\bACOEM\\b|\\bMTUS\\b"
              + "|https?://|\\bwww\\.");

  private static final Pattern URL_HOST =
      Pattern.compile("(?i)(?:https?://|\\b(?=www\\.))([a-z0-9][a-z0-9.-]*[a-z0-9])");

  private static final int ODG_CHAPTER = 0;
  private static final int ODG_TOPIC = 1;

  /** A chapter first until one is named; after it a topic wins a tie ("Physical therapy"). */
  private static final NameRuns.TiePreference CHAPTER_THEN_TOPIC =
      (previous, tables) ->
          previous < 0 ? new int[] {ODG_CHAPTER, ODG_TOPIC} : new int[] {ODG_TOPIC, ODG_CHAPTER};

  private final GuidelineRules rules;

  CitationPaths(GuidelineRules rules) {
    this.rules = rules;
  }

  List<String> of(String family, String text) {
    return switch (family) {
      case MTUS -> mtus(text);
      case ODG -> odg(text);
      case ACOEM -> acoem(text);
      default -> other(text);
    };
  }

  /**
   * MTUS/part year/section for each part named; a part counts after the first only when a year
   * follows it, so "Opioids for Chronic Pain" inside a section name is not taken for a part.
   */
  List<String> mtus(String segment) {
    TreeMap<Integer, NamedPattern> candidates = new TreeMap<>();
    TreeMap<Integer, Integer> ends = new TreeMap<>();
    String lower = Prose.asciiLowerCase(segment);
    for (NamedPattern part : rules.mtusParts()) {
      Matcher m = part.pattern().matcher(lower);
      while (m.find()) {
        if (!candidates.containsKey(m.start()) || ends.get(m.start()) < m.end()) {
          candidates.put(m.start(), part);
          ends.put(m.start(), m.end());
        }
      }
    }
    TreeMap<Integer, Integer> starts = new TreeMap<>();
    TreeMap<Integer, String> names = new TreeMap<>();
    int lastEnd = -1;
    for (var candidate : candidates.entrySet()) {
      int start = candidate.getKey();
      int end = ends.get(start);
      boolean yearFollows = YEAR.matcher(segment.substring(end)).lookingAt();
      if (start >= lastEnd && (starts.isEmpty() || yearFollows)) {
        starts.put(start, end);
        names.put(start, candidate.getValue().name());
        lastEnd = end;
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (var entry : starts.entrySet()) {
      Integer next = starts.higherKey(entry.getKey());
      String after = segment.substring(entry.getValue(), next == null ? segment.length() : next);
      String part = names.get(entry.getKey());
      Matcher year = YEAR.matcher(after);
      String label = part;
      if (year.find()) {
        label += " " + year.group(1);
        after = after.substring(year.end());
      } else {
        String before = yearBefore(segment.substring(0, entry.getKey()));
        before = before != null ? before : adoptedYear(segment, part);
        label += before == null ? "" : " " + before;
      }
      addSections(out, MTUS + "/" + label, sections(after, rules.sectionsOf(part)));
    }
    if (out.isEmpty()) {
      adoptedChapter(segment, out);
    }
    return out.isEmpty() ? List.of(MTUS) : List.copyOf(out);
  }

  /**
   * "MTUS ACOEM Chapter 8": the MTUS part (and section) the chapter number stands for; without a
   * number, an adopted chapter the MTUS keeps as a section ("ACOEM Practice Guidelines, 2nd Edition
   * (2004), Independent Medical Examinations and Consultations").
   */
  private void adoptedChapter(String segment, Set<String> out) {
    Matcher m = ACOEM_CHAPTER_NUMBER.matcher(segment);
    while (m.find()) {
      AdoptedChapter chapter = rules.adoptedAcoemChapters().get(Integer.parseInt(m.group(1)));
      if (chapter != null) {
        List<String> sections = new ArrayList<>();
        if (chapter.section() != null) {
          sections.add(chapter.section());
        }
        sections.addAll(sections(segment.substring(m.end()), rules.sectionsOf(chapter.part())));
        addSections(out, MTUS + "/" + chapter.part() + " " + chapter.year(), sections);
      }
    }
    if (out.isEmpty()) {
      String withoutAcoem = ACOEM_NAME.matcher(segment).replaceAll(",");
      Map<String, List<String>> named = new HashMap<>();
      for (AdoptedChapter chapter : rules.adoptedAcoemChapters().values()) {
        if (chapter.section() != null
            && named
                .computeIfAbsent(
                    chapter.part(), part -> sections(withoutAcoem, rules.sectionsOf(part)))
                .contains(chapter.section())) {
          out.add(MTUS + "/" + chapter.part() + " " + chapter.year() + "/" + chapter.section());
        }
      }
    }
  }

  /** The year of the adopted ACOEM chapter the segment names by number for {@code part}. */
  private String adoptedYear(String segment, String part) {
    Matcher m = ACOEM_CHAPTER_NUMBER.matcher(segment);
    while (m.find()) {
      AdoptedChapter chapter = rules.adoptedAcoemChapters().get(Integer.parseInt(m.group(1)));
      if (chapter != null && chapter.part().equals(part)) {
        return chapter.year();
      }
    }
    return null;
  }

  private static void addSections(Set<String> out, String part, List<String> sections) {
    if (sections.isEmpty()) {
      out.add(part);
    }
    for (String section : sections) {
      out.add(part + "/" + section);
    }
  }

  /** "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints": 2004. */
  private static String yearBefore(String before) {
    Matcher m = YEAR_IN_BRACKETS.matcher(before);
    String year = null;
    while (m.find()) {
      year = m.group(1);
    }
    return year;
  }

  /** The sections of {@code table} named in the text that follows a part. */
  private static List<String> sections(String after, NameTable table) {
    String s = SECTION_LABEL.matcher(after).replaceFirst("");
    Matcher otherFamily = OTHER_FAMILY.matcher(s);
    s = otherFamily.find() ? s.substring(0, otherFamily.start()) : s;
    s = PAGES.matcher(WHICH_IS.split(s, 2)[0]).replaceAll(",");
    List<String> out = new ArrayList<>();
    for (String piece : NUMBERED_SECTION.split(s)) {
      Matcher number = SECTION_NUMBER.matcher(piece.strip());
      if (number.find()) {
        table.lookup(number.group(1)).ifPresent(out::add);
        continue;
      }
      for (NameRuns.Found found :
          NameRuns.find(piece, List.of(table), NameRuns.TiePreference.IN_ORDER)) {
        out.add(found.name());
      }
    }
    return List.copyOf(new LinkedHashSet<>(out));
  }

  /**
   * ODG/chapter/topic for each topic named, a topic belonging to the chapter named last before it;
   * ODG/chapter for a chapter named without a topic.
   */
  List<String> odg(String text) {
    Matcher name = ODG_NAME.matcher(text);
    String after = name.find() ? text.substring(name.end()) : text;
    Matcher end = ODG_END.matcher(after);
    after = end.find() ? after.substring(0, end.start()) : after;
    after = NOISE.matcher(ODG_NAME.matcher(after).replaceAll(",")).replaceAll(",");
    Set<String> out = new LinkedHashSet<>();
    String chapter = null;
    boolean chapterHasTopic = false;
    for (NameRuns.Found found :
        NameRuns.find(after, List.of(rules.odgChapters(), rules.odgTopics()), CHAPTER_THEN_TOPIC)) {
      if (found.table() == ODG_CHAPTER) {
        if (chapter != null && !chapterHasTopic) {
          out.add(ODG + "/" + chapter);
        }
        chapter = found.name();
        chapterHasTopic = false;
      } else if (chapter != null) {
        out.add(ODG + "/" + chapter + "/" + found.name());
        chapterHasTopic = true;
      }
    }
    if (chapter != null && !chapterHasTopic) {
      out.add(ODG + "/" + chapter);
    }
    return out.isEmpty() ? List.of(ODG) : List.copyOf(out);
  }

  /** ACOEM/chapter for each chapter of acoem-chapters.tsv named after "ACOEM". */
  List<String> acoem(String text) {
    Matcher name = ACOEM_NAME.matcher(text);
    String after = name.find() ? text.substring(name.end()) : text;
    after = NOISE.matcher(after).replaceAll(",");
    Set<String> out = new LinkedHashSet<>();
    for (NameRuns.Found found :
        NameRuns.find(after, List.of(rules.acoemChapters()), NameRuns.TiePreference.IN_ORDER)) {
      out.add(ACOEM + "/" + found.name());
    }
    return out.isEmpty() ? List.of(ACOEM) : List.copyOf(out);
  }

  /**
   * Other/name for each source of other-sources.tsv named, then Other/host for each web address of
   * a source not named there; Other alone when the text names neither.
   */
  List<String> other(String text) {
    TreeMap<Integer, String> named = new TreeMap<>();
    for (NamedPattern source : rules.otherSources()) {
      Matcher m = source.pattern().matcher(text);
      if (m.find()) {
        named.putIfAbsent(m.start(), source.name());
      }
    }
    Matcher url = URL_HOST.matcher(text);
    while (url.find()) {
      String host = url.group(1).toLowerCase(Locale.ROOT);
      boolean alreadyNamed =
          rules.otherSources().stream().anyMatch(s -> s.pattern().matcher(host).find());
      if (!alreadyNamed) {
        named.putIfAbsent(url.start(), host);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    named.values().forEach(n -> out.add(OTHER + "/" + n));
    return out.isEmpty() ? List.of(OTHER) : List.copyOf(out);
  }
}
