package org.imrsearch.config;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Canonical names and their aliases (specialties, states, ODG chapters), matched the way people
 * write them: case, punctuation, "&" versus "and" and one stray letter ("Sports Medicinea") do not
 * matter.
 */
public final class NameTable {
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  /** Names shorter than this must match exactly: a one-letter slip would make another word. */
  private static final int FUZZY_MIN_LENGTH = 8;

  private final Map<String, String> canonicalByKey;

  private NameTable(Map<String, String> canonicalByKey) {
    this.canonicalByKey = Map.copyOf(canonicalByKey);
  }

  /** Reads a table whose rows are {@code canonical <TAB> alias|alias|...}. */
  public static NameTable load(ConfigSource config, String file) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (TableRow row : config.table(file, 1)) {
      String canonical = row.cell(0);
      put(byKey, row, key(canonical), canonical);
      for (String alias : row.alternatives(1)) {
        put(byKey, row, key(alias), canonical);
      }
    }
    return new NameTable(byKey);
  }

  private static void put(Map<String, String> byKey, TableRow row, String key, String canonical) {
    String before = byKey.putIfAbsent(key, canonical);
    if (before != null && !before.equals(canonical)) {
      throw row.error("'" + key + "' already names '" + before + "'");
    }
  }

  /** The canonical name for {@code text}, if it is a known name or alias (or one slip away). */
  public Optional<String> lookup(String text) {
    String key = key(text);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String exact = canonicalByKey.get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    if (key.length() < FUZZY_MIN_LENGTH) {
      return Optional.empty();
    }
    String best = null;
    for (Map.Entry<String, String> entry : canonicalByKey.entrySet()) {
      if (entry.getKey().length() >= FUZZY_MIN_LENGTH && withinOneEdit(key, entry.getKey())) {
        if (best != null && !best.equals(entry.getValue())) {
          return Optional.empty(); // ambiguous: better unknown than wrong
        }
        best = entry.getValue();
      }
    }
    return Optional.ofNullable(best);
  }

  /** Lower case, accents off, "&" as "and", every run of non-letters as one space. */
  static String key(String text) {
    String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
    return NON_ALPHANUMERIC.matcher(s).replaceAll(" ").strip();
  }

  private static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    int j = 0;
    int edits = 0;
    while (i < a.length() && j < b.length()) {
      if (a.charAt(i) == b.charAt(j)) {
        i++;
        j++;
        continue;
      }
      if (++edits > 1) {
        return false;
      }
      if (a.length() > b.length()) {
        i++;
      } else if (a.length() < b.length()) {
        j++;
      } else {
        i++;
        j++;
      }
    }
    return edits + (a.length() - i) + (b.length() - j) <= 1;
  }
}
