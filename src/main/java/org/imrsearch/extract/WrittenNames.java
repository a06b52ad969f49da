package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.imrsearch.config.NameTable;

/**
 * Turns a written list of names ("Internal Medicine and Pulmonary Diseases", "Endocrinology,
 * Diabetes, and Metabolism", "California and Texas") into the canonical names of a {@link
 * NameTable}. Stateless.
 */
final class WrittenNames {
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
  private static final Pattern AND = Pattern.compile("(?i)\\s+(?:and|&)\\s+");
  private static final Pattern LEADING_AND = Pattern.compile("(?i)^(?:and|&)\\s+(?:in\\s+)?");
  private static final Pattern LEADING_IN = Pattern.compile("(?i)^in\\s+");
  private static final Pattern EDGES = Pattern.compile("^[\\s.:,]+|[\\s.:,]+$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** What names a practitioner rather than a field: "Orthopedic Surgeon", "Pain specialist". */
  private static final Pattern PRACTITIONER =
      Pattern.compile("(?i)\\s+(?:physician|specialist|doctor|practitioner)$");

  private static final Pattern SURGEON = Pattern.compile("(?i)surgeon$");

  /** Words title case leaves in lower case inside a name. */
  private static final List<String> MINOR_WORDS =
      List.of("of", "and", "or", "the", "in", "for", "with", "to", "at", "on");

  /** Joined comma pieces tried as one name ("Endocrinology, Diabetes & Metabolism"). */
  private static final int MAX_JOINED_PIECES = 3;

  /** An unknown name longer than this is a clause a pattern took, not a name. */
  private static final int MAX_UNKNOWN_WORDS = 6;

  private WrittenNames() {}

  /**
   * Splits a written list into canonical names: comma pieces, longest known run first; a piece
   * unknown as a whole is split on "and" into the longest known runs of parts; what stays unknown
   * is kept as written (title case), with a warning, so a new name shows up instead of vanishing.
   */
  static List<String> resolve(String written, NameTable table, String what, List<String> warnings) {
    List<String> pieces = pieces(written);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < pieces.size()) {
      int taken = 0;
      for (int n = Math.min(MAX_JOINED_PIECES, pieces.size() - i); n >= 1 && taken == 0; n--) {
        Optional<String> name = lookup(table, String.join(", ", pieces.subList(i, i + n)));
        if (name.isPresent()) {
          out.add(name.get());
          taken = n;
        }
      }
      if (taken == 0) {
        out.addAll(splitOnAnd(bare(pieces.get(i)), table, what, warnings));
        taken = 1;
      }
      i += taken;
    }
    return out.stream().distinct().toList();
  }

  /**
   * The canonical names when every piece of the list is a known name ("California and Texas"),
   * empty otherwise. Two-letter pieces count only in capitals ("IN" is Indiana, "in" is a word).
   */
  static Optional<List<String>> allKnown(String written, NameTable table) {
    List<String> names = new ArrayList<>();
    for (String piece : pieces(written)) {
      Optional<String> whole = lookup(table, piece);
      if (whole.isPresent() && (bare(piece).length() > 2 || isUpperCase(bare(piece)))) {
        names.add(whole.get());
        continue;
      }
      for (String part : AND.split(bare(piece))) {
        Optional<String> name = lookup(table, part);
        if (name.isEmpty() || (part.length() <= 2 && !isUpperCase(part))) {
          return Optional.empty();
        }
        names.add(name.get());
      }
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(names.stream().distinct().toList());
  }

  /**
   * A name as the table knows it, also when written for the practitioner: "Orthopedic Surgeon" is
   * Orthopedic Surgery, "Sports Medicine physician" is Sports Medicine.
   */
  static Optional<String> lookup(NameTable table, String written) {
    Optional<String> name = table.lookup(written);
    if (name.isEmpty() && PRACTITIONER.matcher(written).find()) {
      name = table.lookup(PRACTITIONER.matcher(written).replaceFirst(""));
    }
    if (name.isEmpty() && SURGEON.matcher(written).find()) {
      name = table.lookup(SURGEON.matcher(written).replaceFirst("Surgery"));
    }
    return name;
  }

  /** "underwater medicine" as "Underwater Medicine"; words with capitals stay as written. */
  static String titleCase(String written) {
    String[] words = WHITESPACE.split(written.strip());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean lower = w.equals(w.toLowerCase(Locale.ROOT));
      if (lower && !w.isEmpty() && (i == 0 || !MINOR_WORDS.contains(w))) {
        w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
        int slash = w.indexOf('/'); // "Rearfoot/Ankle"
        if (slash >= 0 && slash + 1 < w.length()) {
          w =
              w.substring(0, slash + 1)
                  + w.substring(slash + 1, slash + 2).toUpperCase(Locale.ROOT)
                  + w.substring(slash + 2);
        }
      }
      out.append(i == 0 ? "" : " ").append(w);
    }
    return out.toString();
  }

  /** The comma pieces of a written list, joined back from wrapped lines; "and" kept on them. */
  private static List<String> pieces(String written) {
    List<String> pieces = new ArrayList<>();
    for (String piece : LIST_SEPARATOR.split(Prose.join(written))) {
      String p = EDGES.matcher(piece).replaceAll("");
      if (!bare(p).isEmpty()) {
        pieces.add(p);
      }
    }
    return pieces;
  }

  /** A piece without its list "and": "and Metabolism" is Metabolism. */
  private static String bare(String piece) {
    return LEADING_AND.matcher(piece).replaceFirst("").strip();
  }

  /** "Physical Medicine and Rehabilitation and Pain Medicine": the longest known runs of parts. */
  private static List<String> splitOnAnd(
      String piece, NameTable table, String what, List<String> warnings) {
    String[] parts = AND.split(piece);
    for (int k = 0; k < parts.length; k++) {
      parts[k] = LEADING_IN.matcher(parts[k]).replaceFirst(""); // "X and in Y"
    }
    List<String> names = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      Optional<String> name = Optional.empty();
      int n = parts.length - i;
      for (; n >= 1 && name.isEmpty(); n--) {
        name = lookup(table, String.join(" and ", Arrays.copyOfRange(parts, i, i + n)));
      }
      if (name.isEmpty()) {
        unknown.add(parts[i]); // unknown parts next to each other are one name
        i++;
        continue;
      }
      keepUnknown(unknown, names, what, warnings);
      names.add(name.get());
      i += n + 1;
    }
    keepUnknown(unknown, names, what, warnings);
    return names;
  }

  private static void keepUnknown(
      List<String> unknown, List<String> names, String what, List<String> warnings) {
    if (!unknown.isEmpty()) {
      String name = titleCase(String.join(" and ", unknown));
      if (WHITESPACE.split(name).length > MAX_UNKNOWN_WORDS) {
        warnings.add(what + " not understood: '" + name + "'"); // a clause, not a name
      } else {
        warnings.add("unknown " + what + " '" + name + "' kept as written");
        names.add(name);
      }
      unknown.clear();
    }
  }

  private static boolean isUpperCase(String s) {
    return s.equals(s.toUpperCase(Locale.ROOT));
  }
}
