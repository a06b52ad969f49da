package org.imrsearch.extract;

import static org.imrsearch.config.GuidelineRules.ACOEM;
import static org.imrsearch.config.GuidelineRules.MTUS;
import static org.imrsearch.config.GuidelineRules.ODG;
import static org.imrsearch.config.GuidelineRules.OTHER;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.config.GuidelineRules;
import org.imrsearch.config.NamedPattern;
import org.imrsearch.model.Guideline;

/**
 * Reads one guideline block ("Decision based on MTUS Low Back Complaints 2004, Section(s): ...
 * Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back") into
 * families and normalized citation paths, driven by {@link GuidelineRules}.
 */
final class GuidelineParser {
  private static final Pattern TRAILING_AND = Pattern.compile("(?i)[,\\s]+and\\s*$");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,.:;-]+|[\\s,.:;-]+$");
  private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s,.:;/()-]+");
  private static final Pattern TOPIC_END = Pattern.compile("[;.]|\\s+and\\s+(?:Other|ODG)\\b");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern TAIL_EDGES =
      Pattern.compile("^[\\s,.:;()\\-\u2013]+|[\\s,.:;(\\-\u2013]+$");
  private static final Pattern TAIL_END = Pattern.compile("[\\s,.:;(\\-]+$");
  private static final Pattern DECISION_BASED_ON =
      Pattern.compile("(?i)(?=Decision\\s+based\\s+on\\b)");
  private static final Pattern MTUS_SEGMENT =
      Pattern.compile(
          "(?i)^Decision\\s+based\\s+on\\s+(?:the\\s+)?(?:CA\\s+|California\\s+)?MTUS\\b");
  private static final Pattern NON_MTUS_SEGMENT =
      Pattern.compile("(?i)^Decision\\s+based\\s+on\\s+Non-?\\s*MTUS\\s+Citation\\s*:?");
  private static final Pattern OLDER_SEPARATORS = Pattern.compile(";|\\.\\s+(?=[A-Z])|\\n");
  private static final Pattern YEAR = Pattern.compile("^\\s*,?\\s*\\(?((?:19|20)\\d{2})\\)?");
  private static final Pattern SECTION_LABEL =
      Pattern.compile(
          "(?i)^[\\s,.:;-]*(?:Guidelines?)?[\\s,.:;-]*(?:Section\\(s\\)|Sections?)\\s*:?");
  private static final Pattern PAGES =
      Pattern.compile(
          "(?i)\\bPages?(?:\\(s\\))?\\s*:?\\s*[\\d,\\s\\-]+(?:of\\s+\\d+)?\\.?|\\bpp?\\.?\\s*\\d+"
              + "(?:\\s*-\\s*\\d+)"
              + "?");
  private static final Pattern NUMBERED_SECTION = Pattern.compile(",\\s+(?=\\d+(?:\\.\\d+)+\\s)");
  private static final Pattern ODG_NAME =
      Pattern.compile(
          "(?i)Official\\s+Disability\\s+Guidelines?(?:\\s*\\(ODG\\))?|\\bODG\\b(?:\\s+guidelines?)"
              + "?");
  private static final Pattern ODG_NOISE =
      Pattern.compile(
          "(?i)\\([^)]{0,60}?(?:acute|chronic|updated|online|20\\d\\d)[^)]{0,60}?\\)"
              + "|-?\\s*online\\s+version\\s*-?|"
              + "\\b(?:chapter|section|guidelines?)\\b|\\b20\\d\\d\\b");
  private static final Pattern ACOEM_CHAPTER =
      Pattern.compile(
          "(?i)\\b((?:Low\\s+Back|Neck|Shoulder|Elbow|Hand|Wrist|Knee|Hip(?:\\s+and\\s+Groin)"
              + "?|Ankle|Foot|Chronic\\s+Pain|Opioids|Eye|Cervical|Thoracic)[\\w\\s,&]*?)"
              + "\\s+(?:Disorders|"
              + "Chapter|Complaints)");
  private static final Pattern WHICH_IS = Pattern.compile("(?i),?\\s+which\\s+(?:is|are)\\b");
  private static final Pattern OTHER_GUIDELINES =
      Pattern.compile("(?i)\\bOther\\s+(?:Medical\\s+Treatment\\s+)?Guidelines?\\b");
  private static final int MAX_CITATION_TAIL = 60;

  /** Distinct guideline texts remembered; a corpus repeats a few thousand formulas. */
  private static final int REMEMBERED = 20_000;

  private final GuidelineRules rules;

  /**
   * Parses by text. Guideline blocks are formulaic ("Decision based on MTUS Chronic Pain Medical
   * Treatment Guidelines, Section(s): Opioids ..."): most of a corpus's blocks repeat one seen
   * before, and parsing one costs dozens of regex scans. The parse is a function of the text.
   */
  private final Cache<String, Guideline> parsed =
      Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  GuidelineParser(GuidelineRules rules) {
    this.rules = rules;
  }

  /** Parses a block as written in the letter (any line breaks). */
  Guideline parse(String block) {
    String text = Prose.join(block);
    return text.isEmpty() ? Guideline.NONE : parsed.get(text, this::parseJoined);
  }

  private Guideline parseJoined(String text) {
    Set<String> sources = new LinkedHashSet<>();
    Set<String> citations = new LinkedHashSet<>();
    List<String> segments = segments(text);
    for (String segment : segments) {
      if (MTUS_SEGMENT.matcher(segment).find()) {
        sources.add(MTUS);
        citations.addAll(mtusCitations(segment));
      } else {
        Matcher nonMtus = NON_MTUS_SEGMENT.matcher(segment);
        boolean cited = nonMtus.find();
        classify(cited ? segment.substring(nonMtus.end()) : segment, cited, sources, citations);
      }
    }
    return new Guideline(text, List.copyOf(sources), List.copyOf(citations));
  }

  /**
   * The 2014+ blocks are "Decision based on ..." sentences; older prose splits on ; and sentences.
   */
  private static List<String> segments(String text) {
    List<String> out = new ArrayList<>();
    for (String part : DECISION_BASED_ON.split(text)) {
      if (part.isBlank()) {
        continue;
      }
      if (part.regionMatches(true, 0, "Decision based on", 0, 17)) {
        out.add(part.strip());
      } else {
        for (String piece : OLDER_SEPARATORS.split(part)) {
          if (!piece.isBlank()) {
            out.add(piece.strip());
          }
        }
      }
    }
    return out;
  }

  private void classify(
      String segment, boolean namedCitation, Set<String> sources, Set<String> citations) {
    // Each rule list only matters when its key word is there: skip the regexes otherwise.
    String lower = segment.toLowerCase(Locale.ROOT);
    String text = lower.contains("cite") ? remove(segment, rules.none()) : segment;
    text = lower.contains("mtus") ? remove(text, rules.negations()) : text;
    text = lower.contains("decision") ? remove(text, rules.boilerplate()) : text;
    // Each family claims its spans, in rule order, so "ACOEM ... 2004" (adopted into the MTUS)
    // is not counted again as non-MTUS ACOEM.
    TreeMap<Integer, NamedPattern> found = new TreeMap<>();
    StringBuilder rest = new StringBuilder(text);
    for (NamedPattern family : rules.families()) {
      Matcher m = family.pattern().matcher(rest);
      while (m.find()) {
        found.putIfAbsent(m.start(), family);
        for (int i = m.start(); i < m.end(); i++) {
          rest.setCharAt(i, ' ');
        }
      }
    }
    for (NamedPattern family : found.values()) {
      sources.add(family.name());
      citations.add(citation(family.name(), text));
    }
    String remaining = rest.toString();
    boolean other = rules.strongOther().stream().anyMatch(p -> p.matcher(remaining).find());
    if (found.isEmpty() && !other) {
      boolean words = Prose.letters(remaining) >= 3;
      other =
          namedCitation
              ? words
              : rules.weakOther().stream().anyMatch(p -> p.matcher(remaining).find());
    }
    if (other) {
      sources.add(OTHER);
      String named =
          OTHER_GUIDELINES.split(remaining, 2).length == 2
              ? OTHER_GUIDELINES.split(remaining, 2)[1]
              : remaining;
      citations.add(OTHER + "/" + tail(named));
    }
  }

  private String citation(String family, String text) {
    return switch (family) {
      case MTUS -> mtusCitations(text).stream().findFirst().orElse(MTUS);
      case ODG -> odgCitation(text);
      case ACOEM -> acoemCitation(text);
      default -> family;
    };
  }

  /**
   * MTUS/part year/section for each part named, e.g. MTUS/Low Back Complaints 2004/Special Studies.
   */
  private List<String> mtusCitations(String segment) {
    // Candidates sorted by position; after the first, a part counts only when a year follows it,
    // so "Opioids for Chronic Pain" inside a section name is not taken for another part.
    TreeMap<Integer, NamedPattern> candidates = new TreeMap<>();
    TreeMap<Integer, Integer> ends = new TreeMap<>();
    for (NamedPattern part : rules.mtusParts()) {
      Matcher m = part.pattern().matcher(segment);
      while (m.find()) {
        if (!candidates.containsKey(m.start()) || ends.get(m.start()) < m.end()) {
          candidates.put(m.start(), part);
          ends.put(m.start(), m.end());
        }
      }
    }
    TreeMap<Integer, int[]> starts = new TreeMap<>();
    TreeMap<Integer, String> names = new TreeMap<>();
    int lastEnd = -1;
    for (var candidate : candidates.entrySet()) {
      int start = candidate.getKey();
      int end = ends.get(start);
      boolean yearFollows = YEAR.matcher(segment.substring(end)).lookingAt();
      if (start >= lastEnd && (starts.isEmpty() || yearFollows)) {
        starts.put(start, new int[] {start, end});
        names.put(start, candidate.getValue().name());
        lastEnd = end;
      }
    }
    List<String> out = new ArrayList<>();
    for (var entry : starts.entrySet()) {
      int end = entry.getValue()[1];
      Integer next = starts.higherKey(entry.getKey());
      String after = segment.substring(end, next == null ? segment.length() : next);
      Matcher year = YEAR.matcher(after);
      String part = names.get(entry.getKey());
      if (year.find()) {
        part += " " + year.group(1);
        after = after.substring(year.end());
      }
      List<String> sections = sections(after);
      if (sections.isEmpty()) {
        out.add(MTUS + "/" + part);
      }
      for (String section : sections) {
        out.add(MTUS + "/" + part + "/" + section);
      }
    }
    return out.isEmpty() ? List.of(MTUS) : out;
  }

  private static List<String> sections(String after) {
    String s = SECTION_LABEL.matcher(after).replaceFirst("");
    s = PAGES.matcher(WHICH_IS.split(s, 2)[0]).replaceAll(" ");
    s = EDGE_PUNCTUATION.matcher(TRAILING_AND.matcher(s).replaceAll("")).replaceAll("");
    if (Prose.letters(s) < 3) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String section : NUMBERED_SECTION.split(s)) {
      out.add(sentenceCase(tail(section.strip())));
    }
    return out;
  }

  private String odgCitation(String text) {
    Matcher name = ODG_NAME.matcher(text);
    String after = name.find() ? text.substring(name.end()) : text;
    after = LEADING_PUNCTUATION.matcher(ODG_NOISE.matcher(after).replaceAll(" ")).replaceFirst("");
    for (NamedPattern chapter : rules.odgChapters()) {
      Matcher m = chapter.pattern().matcher(after);
      if (m.lookingAt()) {
        String topic = after.substring(m.end());
        topic = WHICH_IS.split(TOPIC_END.split(topic, 2)[0], 2)[0];
        boolean hasTopic = Prose.letters(topic) >= 2;
        return ODG + "/" + chapter.name() + (hasTopic ? "/" + sentenceCase(tail(topic)) : "");
      }
    }
    return ODG;
  }

  private static String acoemCitation(String text) {
    Matcher m = ACOEM_CHAPTER.matcher(text);
    return m.find()
        ? ACOEM + "/" + sentenceCase(WHITESPACE.matcher(m.group(1)).replaceAll(" ").strip())
        : ACOEM;
  }

  private static String remove(String text, List<Pattern> patterns) {
    String out = text;
    for (Pattern p : patterns) {
      out = p.matcher(out).replaceAll(" ");
    }
    return out;
  }

  /** "COGNITIVE BEHAVIORAL THERAPY" -> "Cognitive behavioral therapy"; mixed case stays. */
  private static String sentenceCase(String s) {
    if (s.isEmpty()) {
      return s;
    }
    if (s.equals(s.toUpperCase(Locale.ROOT)) && s.length() > 4) {
      s = s.toLowerCase(Locale.ROOT);
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A citation part short enough to be a facet label, cut at a word; "/" is the path separator. */
  private static String tail(String s) {
    String t =
        TAIL_EDGES.matcher(WHITESPACE.matcher(s.replace('/', '-')).replaceAll(" ")).replaceAll("");
    if (t.length() > MAX_CITATION_TAIL) {
      int cut = t.lastIndexOf(' ', MAX_CITATION_TAIL);
      t = TAIL_END.matcher(t.substring(0, cut > 20 ? cut : MAX_CITATION_TAIL)).replaceAll("");
    }
    long open = t.chars().filter(c -> c == '(').count();
    long close = t.chars().filter(c -> c == ')').count();
    if (open > close) {
      return t + ")".repeat((int) (open - close));
    }
    while (close > open && t.endsWith(")")) {
      t = t.substring(0, t.length() - 1);
      close--;
    }
    return t;
  }
}
