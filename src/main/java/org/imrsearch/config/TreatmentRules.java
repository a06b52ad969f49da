package org.imrsearch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Treatment categories from {@code treatments.tsv}: ordered rules, the first whose pattern
 * matches an item names its category. Matching is case-insensitive: rules and items are compared
 * in lower case.
 */
public record TreatmentRules(List<NamedPattern> rules, String fallback) {

  public TreatmentRules {
    rules = List.copyOf(rules);
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
    for (NamedPattern rule : rules) {
      if (rule.pattern().matcher(lower).find()) {
        return rule.name();
      }
    }
    return fallback;
  }

}
