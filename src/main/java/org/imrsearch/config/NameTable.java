package org.imrsearch.config;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

  /**
   * The keys long enough for a slip, by length: a slip changes the length by at most one, so a
   * fuzzy look-up compares three lengths' keys, not the whole table (the guideline tables are
   * looked up for every run of words of every block).
   */
  private final Map<Integer, List<String>> fuzzyKeysByLength = new HashMap<>();

  private final int longestKey;

  private NameTable(Map<String, String> canonicalByKey) {
    // Insertion order kept: names() lists the table as written.
    this.canonicalByKey = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalByKey));
    int longest = 0;
    for (String key : this.canonicalByKey.keySet()) {
      longest = Math.max(longest, key.length());
      if (key.length() >= FUZZY_MIN_LENGTH) {
        fuzzyKeysByLength.computeIfAbsent(key.length(), n -> new ArrayList<>()).add(key);
      }
    }
    this.longestKey = longest;
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

  /**
   * The length of the longest key: a text with more letters and digits than this plus one (a slip)
   * cannot be a name of the table.
   */
  public int longestKey() {
    return longestKey;
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
    for (int length = key.length() - 1; length <= key.length() + 1; length++) {
      for (String candidate : fuzzyKeysByLength.getOrDefault(length, List.of())) {
        if (withinOneEdit(key, candidate)) {
          String canonical = canonicalByKey.get(candidate);
          if (best != null && !best.equals(canonical)) {
            return Optional.empty(); // ambiguous: better unknown than wrong
          }
          best = canonical;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Lower case, accents off, "&" as "and", every run of non-letters as one space. */
  static String key(String text) {
    if (isAscii(text)) {
      return asciiKey(text);
    }
    String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
    return NON_ALPHANUMERIC.matcher(s).replaceAll(" ").strip();
  }

  /** {@link #key} of ASCII text in one pass: it runs for every run of words a table is tried on. */
  private static String asciiKey(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (c == '&') {
        out.append(out.isEmpty() ? "and" : " and");
        gap = true;
      } else if (!alphanumeric) {
        gap = true;
      } else {
        if (gap && !out.isEmpty()) {
          out.append(' ');
        }
        out.append(c);
        gap = false;
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
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
