package org.imrsearch.rates;

import java.util.List;

/**
 * The words and phrases of rationales most over-represented in one set of decisions against
 * another, for reading what reviewers write when they overturn.
 *
 * @param against "outcome" (overturned decisions of the selection against its upheld ones) or "all"
 *     (the selection against the whole index)
 * @param score how terms are ranked: "log-likelihood G2" (Dunning), over-represented terms only
 * @param sampled whether the sets are samples (the selection's first hits, as Elasticsearch's
 *     sampler does) rather than every decision
 * @param foreground decisions in the set read for what is distinctive
 * @param background decisions it is compared with
 */
public record Distinctive(
    String query,
    String against,
    String score,
    boolean sampled,
    long selected,
    long foreground,
    long background,
    List<Term> terms,
    long took) {
  public Distinctive {
    terms = List.copyOf(terms);
  }

  /**
   * One word or phrase.
   *
   * @param foreground decisions of the foreground whose rationale has it
   * @param background decisions of the background whose rationale has it
   */
  public record Term(String text, int words, long foreground, long background, double score) {}
}
