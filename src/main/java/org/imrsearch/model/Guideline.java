package org.imrsearch.model;

import java.util.List;

/**
 * The guideline block of one party for one decision.
 *
 * @param text the block as written, whitespace collapsed
 * @param sources guideline families cited, in order of first mention: MTUS, ODG, ACOEM, Other
 * @param citations normalized hierarchical citations, e.g. {@code MTUS/Chronic Pain Medical
 *     Treatment 2016/Opioids}, so the index can facet them as a path
 */
public record Guideline(String text, List<String> sources, List<String> citations) {
  public static final Guideline NONE = new Guideline("", List.of(), List.of());

  public Guideline {
    text = text == null ? "" : text;
    sources = List.copyOf(sources);
    citations = List.copyOf(citations);
  }
}
