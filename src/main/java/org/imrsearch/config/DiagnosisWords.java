package org.imrsearch.config;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words that never name a diagnosis on their own (index-config/diagnosis-words.tsv): sides and
 * spinal levels, body parts and tissues, the qualifiers ICD descriptions end with, and filler. A
 * piece of a written diagnosis list made only of them continues a neighbouring diagnosis.
 */
public record DiagnosisWords(
    Set<String> sides, Set<String> body, Set<String> qualifiers, Set<String> filler) {
  static final String FILE = "diagnosis-words.tsv";

  public DiagnosisWords {
    sides = Set.copyOf(sides);
    body = Set.copyOf(body);
    qualifiers = Set.copyOf(qualifiers);
    filler = Set.copyOf(filler);
  }

  public static DiagnosisWords load(ConfigSource config) {
    Set<String> sides = new HashSet<>();
    Set<String> body = new HashSet<>();
    Set<String> qualifiers = new HashSet<>();
    Set<String> filler = new HashSet<>();
    for (TableRow row : config.table(FILE, 2)) {
      Set<String> kind =
          switch (row.cell(0)) {
            case "side" -> sides;
            case "body" -> body;
            case "qualifier" -> qualifiers;
            case "filler" -> filler;
            default ->
                throw row.error(
                    "unknown kind '" + row.cell(0) + "' (side, body, qualifier or filler)");
          };
      for (String word : row.alternatives(1)) {
        kind.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return new DiagnosisWords(sides, body, qualifiers, filler);
  }
}
