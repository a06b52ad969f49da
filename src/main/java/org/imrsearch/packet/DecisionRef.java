package org.imrsearch.packet;

import org.imrsearch.query.BadRequestException;

/**
 * One picked decision: a letter id and the decision's number in it, from 1; written {@code
 * LETTERID:N} in URLs (a letter id never holds a colon).
 */
public record DecisionRef(String letterId, int number) {
  public DecisionRef {
    if (letterId == null || letterId.isBlank()) {
      throw new BadRequestException("a decision needs a letter id");
    }
    if (number < 1) {
      throw new BadRequestException("decision numbers start at 1, was " + number);
    }
  }

  /**
   * Parses {@code LETTERID:N}.
   *
   * @throws BadRequestException naming {@code text} when it is not of that form
   */
  public static DecisionRef parse(String text) {
    String t = text.strip();
    int colon = t.lastIndexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new BadRequestException(
          "'" + t + "' is not a decision: write LETTERID:N, e.g. CM16-0213037:1");
    }
    int number;
    try {
      number = Integer.parseInt(t.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "'" + t + "' is not a decision: after the colon comes the decision's number");
    }
    if (number < 1) {
      throw new BadRequestException("'" + t + "': decision numbers start at 1");
    }
    return new DecisionRef(t.substring(0, colon), number);
  }

  @Override
  public String toString() {
    return letterId + ":" + number;
  }
}
