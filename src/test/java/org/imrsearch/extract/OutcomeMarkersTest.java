package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The outcome markers are looked for only where the words occur; they must be exactly what a plain
 * scan with the pattern finds, on real phrasing and on every mix of its pieces.
 */
class OutcomeMarkersTest {
  private static final String[] PIECES = {
    ": ",
    ":",
    "Upheld",
    "upheld",
    "OVERTURNED",
    "Overturned",
    " ",
    "\t",
    "\n",
    "\n\n",
    ".",
    " .",
    "Claims Administrator guideline:",
    "MAXIMUS guideline:",
    "Expert Reviewer guideline:",
    "Decision rationale:",
    "Decision\nrationale :",
    "x",
    "Upheldx",
    "was upheld",
    "(",
    "1.",
    "MRI of the lumbar spine",
    "\r",
  };

  @Test
  void findsTheWrappedOutcomeOfARealItemLine() {
    String region =
        "Retrospective request for Norco 10/325mg #60:\n"
            + "Upheld\n\n"
            + "Claims Administrator guideline: Decision based on MTUS";
    List<int[]> markers = ModernDecisionExtractor.outcomes(region);
    assertEquals(1, markers.size());
    assertEquals(region.indexOf(":\nUpheld"), markers.get(0)[0]);
  }

  @Test
  void agreesWithAPlainScanOnEveryMixOfThePieces() {
    Random random = new Random(42);
    int withMarkers = 0;
    for (int n = 0; n < 20_000; n++) {
      String region = PieceMixes.next(random, PIECES, 14);
      List<int[]> expected = scan(region);
      withMarkers += expected.isEmpty() ? 0 : 1;
      assertEquals(
          describe(expected),
          describe(ModernDecisionExtractor.outcomes(region)),
          () -> "region: [" + region + "]");
    }
    assertTrue(withMarkers > 500, "the mixes must contain outcomes to compare: " + withMarkers);
  }

  private static List<int[]> scan(String region) {
    List<int[]> markers = new ArrayList<>();
    Matcher m = ModernDecisionExtractor.OUTCOME.matcher(region);
    while (m.find()) {
      markers.add(new int[] {m.start(), m.end()});
    }
    return markers;
  }

  private static String describe(List<int[]> markers) {
    return markers.stream().map(m -> m[0] + "-" + m[1]).toList().toString();
  }
}
