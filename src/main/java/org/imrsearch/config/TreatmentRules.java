package org.imrsearch.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Treatment categories from {@code treatments.tsv}: ordered rules, the first whose pattern
 * matches an item names its category.
 */
public record TreatmentRules(List<NamedPattern> rules, String fallback) {

  public TreatmentRules {
    rules = List.copyOf(rules);
  }

  public static TreatmentRules load(ConfigSource config) {
    List<NamedPattern> rules = new ArrayList<>();
    for (TableRow row : config.table("treatments.tsv", 2)) {
      rules.add(new NamedPattern(row.cell(0), row.regex(1)));
    }
    return new TreatmentRules(rules, "Other");
  }

  /** The category of a treatment item. */
  public String categorize(String item) {
    for (NamedPattern rule : rules) {
      if (rule.pattern().matcher(item).find()) {
        return rule.name();
      }
    }
    return fallback;
  }

}
