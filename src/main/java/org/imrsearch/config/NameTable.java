package org.imrsearch.config;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** A table with no names: every lookup is empty. */
  public static final NameTable EMPTY = new NameTable(Map.of());

  private final Map<String, String> canonicalByKey;

  private NameTable(Map<String, String> canonicalByKey) {
    // Insertion order kept: names() lists the table as written.
    this.canonicalByKey = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalByKey));
  }

  /** Reads a table whose rows are {@code canonical <TAB> alias|alias|...}. */
  public static NameTable load(ConfigSource config, String file) {
    return of(config.table(file, 1), 0);
  }

  /**
   * A table of the rows' names: cell {@code nameColumn} is the canonical name, the next cell its
   * aliases ({@code |} separated).
   */
  public static NameTable of(List<TableRow> rows, int nameColumn) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (TableRow row : rows) {
      String canonical = row.cell(nameColumn);
      put(byKey, row, key(canonical), canonical);
      for (String alias : row.alternatives(nameColumn + 1)) {
        put(byKey, row, key(alias), canonical);
      }
    }
    return new NameTable(byKey);
  }

  /** The canonical names, in table order. */
  public Set<String> names() {
    return new LinkedHashSet<>(canonicalByKey.values());
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
