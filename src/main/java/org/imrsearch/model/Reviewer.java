package org.imrsearch.model;

import java.util.List;

/**
 * The expert reviewer as the letter describes them (names are never given).
 *
 * @param title how the letter calls them: "expert reviewer", "physician reviewer", ...
 * @param specialties canonical specialty names (index-config/specialties.tsv), letter order
 * @param licensure canonical state names of licensure, letter order
 */
public record Reviewer(String title, List<String> specialties, List<String> licensure) {
  public static final Reviewer UNKNOWN = new Reviewer(null, List.of(), List.of());

  public Reviewer {
    specialties = List.copyOf(specialties);
    licensure = List.copyOf(licensure);
  }
}
