package org.imrsearch.search;

import java.util.List;

/**
 * The decisions most like a pasted request, and why.
 *
 * @param order the order the decisions are in ({@code overturned_first} or {@code similarity})
 * @param terms the words of the request that the comparison used, heaviest first: the rest of the
 *     request (common words, words no decision has) did not count
 * @param precedents the decisions, in {@code order}
 * @param took milliseconds the engine took
 */
public record Precedents(
    String order, List<WeightedTerm> terms, List<Precedent> precedents, long took) {
  public Precedents {
    terms = List.copyOf(terms);
    precedents = List.copyOf(precedents);
  }

  /**
   * One similar decision.
   *
   * @param decision the decision as search shows it, its passages the rationale's matching parts
   * @param score its similarity to the request (comparable within one answer only)
   * @param why the request's terms this decision has, heaviest first
   */
  public record Precedent(Hit decision, float score, List<WeightedTerm> why) {
    public Precedent {
      why = List.copyOf(why);
    }
  }

  /**
   * A word of the request as the comparison weighed it.
   *
   * @param term the word as indexed (lower case, stemmed)
   * @param field where it was looked for: {@code item} or {@code rationale}
   * @param weight its weight, 1 for the heaviest; rarer words that the request repeats weigh more
   */
  public record WeightedTerm(String term, String field, float weight) {}
}
