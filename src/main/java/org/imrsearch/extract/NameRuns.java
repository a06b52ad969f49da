package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.imrsearch.config.NameTable;

/**
 * The names of index-config tables found in a list a letter writes ("Diagnostic Criteria, Special
 * Studies, Summary"; "Low Back - Lumbar & Thoracic (Acute & Chronic), MRIs (magnetic resonance
 * imaging)"). The text is cut into pieces at commas, semicolons, colons, slashes, brackets, dashes,
 * "&" and "and"; a name is the longest run of consecutive pieces that one of the tables knows, so
 * names that themselves hold commas or "and" ("NSAIDs, GI symptoms & cardiovascular risk") are
 * found whole. Text no table knows is skipped: it never becomes a name.
 */
final class NameRuns {
  private static final Pattern SEPARATOR =
      Pattern.compile(
          "\\s*(?:[,;:/()\\[\\]&.\u2013\u2014]|\\s-+\\s|-|\\band\\b|\\bor\\b|\\s{2,})\\s*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** The most pieces one name spans ("Opioids, steps to avoid misuse/addiction" is 5). */
  private static final int MAX_PIECES = 14;

  /** The most words tried as a name at the start of a piece ("Manipulation Harris J"). */
  private static final int MAX_PREFIX_WORDS = 6;

  /** One name found: which table knew it (its index), its canonical form. */
  record Found(int table, String name) {}

  private NameRuns() {}

  /**
   * The names in {@code text}, in order. At each piece every table is tried; the longest name wins,
   * and on a tie the table that comes first in {@code preference(previous)} order, where {@code
   * previous} is the table of the last name found (-1 before the first).
   */
  static List<Found> find(String text, List<NameTable> tables, TiePreference preference) {
    List<int[]> pieces = pieces(text);
    int[] letters = letterCounts(text);
    List<Found> out = new ArrayList<>();
    int previous = -1;
    for (int i = 0; i < pieces.size(); ) {
      Found best = null;
      int bestEnd = -1;
      int bestLength = 0;
      for (int t : preference.order(previous, tables.size())) {
        int longest = tables.get(t).longestKey() + 1;
        for (int j = Math.min(pieces.size() - 1, i + MAX_PIECES - 1); j >= i; j--) {
          int length = pieces.get(j)[1] - pieces.get(i)[0];
          if (length <= bestLength) {
            break;
          }
          if (letters[pieces.get(j)[1]] - letters[pieces.get(i)[0]] > longest) {
            continue; // more letters than any name of the table has
          }
          Optional<String> name =
              tables.get(t).lookup(text.substring(pieces.get(i)[0], pieces.get(j)[1]));
          if (name.isPresent()) {
            best = new Found(t, name.get());
            bestEnd = j;
            bestLength = length;
            break;
          }
        }
      }
      if (best == null) {
        best =
            leadingWords(
                text.substring(pieces.get(i)[0], pieces.get(i)[1]), tables, previous, preference);
        bestEnd = i;
      }
      if (best != null) {
        out.add(best);
        previous = best.table();
      }
      i = bestEnd >= i ? bestEnd + 1 : i + 1;
    }
    return out;
  }

  /** A name at the start of a piece that goes on with words no table knows ("MRI shoulder"). */
  private static Found leadingWords(
      String piece, List<NameTable> tables, int previous, TiePreference preference) {
    String[] words = SPACE.split(piece.strip());
    for (int n = Math.min(words.length - 1, MAX_PREFIX_WORDS); n >= 1; n--) {
      String prefix = String.join(" ", Arrays.copyOf(words, n));
      for (int t : preference.order(previous, tables.size())) {
        Optional<String> name = tables.get(t).lookup(prefix);
        if (name.isPresent()) {
          return new Found(t, name.get());
        }
      }
    }
    return null;
  }

  /** For each offset, the letters and digits of {@code text} before it. */
  private static int[] letterCounts(String text) {
    int[] out = new int[text.length() + 1];
    for (int i = 0; i < text.length(); i++) {
      out[i + 1] = out[i] + (Character.isLetterOrDigit(text.charAt(i)) ? 1 : 0);
    }
    return out;
  }

  /** The {start, end} of each piece of {@code text} between separators. */
  private static List<int[]> pieces(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = SEPARATOR.matcher(text);
    int start = 0;
    while (m.find()) {
      if (m.start() > start) {
        out.add(new int[] {start, m.start()});
      }
      start = m.end();
    }
    if (start < text.length()) {
      out.add(new int[] {start, text.length()});
    }
    out.removeIf(p -> text.substring(p[0], p[1]).isBlank());
    return out;
  }

  /** Which table is tried first when two find names of the same length. */
  @FunctionalInterface
  interface TiePreference {
    /** The table indexes in the order to try them, given the table of the last name found. */
    int[] order(int previous, int tables);

    /** The tables in the order given. */
    TiePreference IN_ORDER = (previous, tables) -> IntStream.range(0, tables).toArray();
  }
}
