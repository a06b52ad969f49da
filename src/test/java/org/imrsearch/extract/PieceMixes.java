package org.imrsearch.extract;

import java.util.Random;

/**
 * Random texts made of given pieces: inputs for tests that hold a fast path to its plain
 * definition.
 */
final class PieceMixes {
  private PieceMixes() {}

  /** One to {@code maxPieces} pieces, each drawn from {@code pieces}. */
  static String next(Random random, String[] pieces, int maxPieces) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(maxPieces);
    for (int i = 0; i < n; i++) {
      b.append(pieces[random.nextInt(pieces.length)]);
    }
    return b.toString();
  }
}
