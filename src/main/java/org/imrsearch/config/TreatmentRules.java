package org.imrsearch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Treatment categories from {@code treatments.tsv}: ordered rules, the first whose pattern matches
 * an item names its category. Matching is case-insensitive: rules and items are compared in lower
 * case.
 */
public final class TreatmentRules {
  /**
   * A rule, with the words one of which an item must contain for the rule to match at all (null
   * when the rule has an alternative that starts with no plain word): a cheap test that skips most
   * rules' regexes, which cost tens of microseconds an item in the ingest's hot path.
   */
  private record Rule(NamedPattern pattern, List<String> requiredWords) {}

  private final List<Rule> rules;
  private final String fallback;

  public TreatmentRules(List<NamedPattern> rules, String fallback) {
    this.rules =
        rules.stream().map(p -> new Rule(p, requiredWords(p.pattern().pattern()))).toList();
    this.fallback = fallback;
  }

  public static TreatmentRules load(ConfigSource config) {
    List<NamedPattern> rules = new ArrayList<>();
    for (TableRow row : config.table("treatments.tsv", 2)) {
      rules.add(new NamedPattern(row.cell(0), row.lowerCaseRegex(1)));
    }
    return new TreatmentRules(rules, "Other");
  }

  /** The category of a treatment item. */
  public String categorize(String item) {
    String lower = item.toLowerCase(Locale.ROOT); // the rules are compiled in lower case
    for (Rule rule : rules) {
      if (rule.requiredWords() != null
          && rule.requiredWords().stream().noneMatch(lower::contains)) {
        continue;
      }
      if (rule.pattern().pattern().matcher(lower).find()) {
        return rule.pattern().name();
      }
    }
    return fallback;
  }

  /**
   * The word each top-level alternative of {@code regex} starts with (after any {@code \b}), or
   * null when some alternative starts with anything else: a group, a class, an escape, a single
   * letter. A match of the regex must contain one of these words.
   */
  static List<String> requiredWords(String regex) {
    List<String> words = new ArrayList<>();
    for (String alternative : topLevelAlternatives(regex)) {
      String word = leadingWord(alternative);
      if (word == null) {
        return null;
      }
      words.add(word);
    }
    return List.copyOf(words);
  }

  private static List<String> topLevelAlternatives(String regex) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(regex.substring(start, i));
        start = i + 1;
      }
    }
    out.add(regex.substring(start));
    return out;
  }

  private static final Pattern LEADING_WORD = Pattern.compile("^(?:\\\\b)*([a-z0-9]+)([?*{]?)");

  private static String leadingWord(String alternative) {
    var m = LEADING_WORD.matcher(alternative);
    if (!m.find()) {
      return null;
    }
    // "labs?" needs only "lab": a quantifier makes the letter before it optional.
    String word =
        m.group(2).isEmpty() ? m.group(1) : m.group(1).substring(0, m.group(1).length() - 1);
    return word.length() >= 2 ? word : null;
  }
}
