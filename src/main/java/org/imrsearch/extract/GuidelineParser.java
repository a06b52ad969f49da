package org.imrsearch.extract;

import static org.imrsearch.config.GuidelineRules.MTUS;
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
  private static final Pattern DECISION_BASED_ON =
      Pattern.compile("(?i)(?=Decision\\s+based\\s+on\\b)");
  private static final Pattern MTUS_SEGMENT =
      Pattern.compile(
          "(?i)^Decision\\s+based\\s+on\\s+(?:the\\s+)?(?:CA\\s+|California\\s+)?MTUS\\b");
  private static final Pattern NON_MTUS_SEGMENT =
      Pattern.compile("(?i)^Decision\\s+based\\s+on\\s+Non-?\\s*MTUS\\s+Citation\\s*:?");
  private static final Pattern OLDER_SEPARATORS = Pattern.compile(";|\\.\\s+(?=[A-Z])|\\n");

  /** Distinct guideline texts remembered; a corpus repeats a few thousand formulas. */
  private static final int REMEMBERED = 20_000;

  private final GuidelineRules rules;
  private final CitationPaths paths;

  /**
   * Parses by text. Guideline blocks are formulaic ("Decision based on MTUS Chronic Pain Medical
   * Treatment Guidelines, Section(s): Opioids ..."): most of a corpus's blocks repeat one seen
   * before, and parsing one costs dozens of regex scans. The parse is a function of the text.
   */
  private final Cache<String, Guideline> parsed =
      Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  GuidelineParser(GuidelineRules rules) {
    this.rules = rules;
    this.paths = new CitationPaths(rules);
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
        citations.addAll(paths.mtus(segment));
      } else {
        Matcher nonMtus = NON_MTUS_SEGMENT.matcher(segment);
        boolean cited = nonMtus.find();
        classify(cited ? segment.substring(nonMtus.end()) : segment, cited, sources, citations);
      }
    }
    return new Guideline(text, List.copyOf(sources), mostSpecific(citations));
  }

  /**
   * The paths without those another path of the block extends: "The MTUS specifically sets out ..."
   * beside "MTUS/Chronic Pain Medical Treatment 2009/Epidural steroid injections (ESIs)" adds
   * nothing.
   */
  private static List<String> mostSpecific(Set<String> citations) {
    List<String> out = new ArrayList<>();
    for (String path : citations) {
      String prefix = path + "/";
      if (citations.stream().noneMatch(other -> other.startsWith(prefix))) {
        out.add(path);
      }
    }
    return List.copyOf(out);
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
      citations.addAll(paths.of(family.name(), text));
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
      citations.addAll(paths.other(remaining));
    }
  }

  private static String remove(String text, List<Pattern> patterns) {
    String out = text;
    for (Pattern p : patterns) {
      out = p.matcher(out).replaceAll(" ");
    }
    return out;
  }
}
