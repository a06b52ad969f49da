package org.imrsearch.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrsearch.config.DiagnosisWords;
import org.imrsearch.extract.AnchoredPattern.LowerCased;

/**
 * Reads the diagnoses from the case summary as a clean list: the first sentence that calls them
 * diagnoses ("The diagnoses are documented as ...", "was diagnosed as having ...") or says what the
 * worker is treated for ("is undergoing treatment for ..."), else the condition claimed ("has filed
 * a claim for ..."), without its lead-in words, split into one item per diagnosis. A piece made
 * only of sides, body parts and ICD qualifiers ({@link DiagnosisWords}) continues its neighbour, so
 * "strain of muscle, fascia, tendon of lower back, subsequent encounter" stays one item. Stateless
 * after construction; safe to share between threads.
 */
final class DiagnosisExtractor {
  /** Where the list begins, after its lead-in: a letter, perhaps after a quote or bracket. */
  private static final String LIST_START = "\\s*[\"\u201c\\[]?(?=\\p{L})";

  /**
   * Words that begin the next sentence when a period is missing ("... neck strain Treatment to date
   * has included"), in the case they are written.
   */
  private static final List<String> SENTENCE_STARTS =
      List.of(
          "Treatment",
          "Mechanism",
          "Medical",
          "Current",
          "The ",
          "He ",
          "She ",
          "His ",
          "Her ",
          "Per ",
          "According",
          "On ");

  /** Words after a semicolon that begin a new clause rather than the next diagnosis. */
  private static final Pattern CLAUSE_AFTER_SEMICOLON =
      Pattern.compile("(?i);\\s+(?:the|he|she|treatment)\\b");

  private static final String REPORTEDLY_ASSOCIATED = "reportedly associated";

  /** The most characters a list runs before its sentence end. */
  private static final int MAX_LIST_LENGTH = 600;

  /**
   * A list the letter calls diagnoses: "The current diagnoses are documented as", "was diagnosed as
   * having", "has diagnosis that include", "Diagnoses, and-or impressions, were noted to include:".
   */
  private static final AnchoredPattern DIAGNOSED =
      new AnchoredPattern(
          "(?i)(?:\\bdiagnos(?:es|is|ed)\\b(?:,?\\s+and[-/\\s]or\\s+impressions?,?)?(?:\\s+(?:were|"
              + "was|are|is|has|have|had|been|currently|also|documented|noted|listed|reported|"
              + "given|made|that|which|to|include[sd]?|including|of|with|as|having))+\\s*:?"
              + "|\\bdiagnos(?:es|is)\\s*:)"
              + LIST_START,
          "diagnos");

  /**
   * Otherwise what the worker is treated for: "is undergoing treatment for", "being treated for".
   */
  private static final AnchoredPattern TREATED_FOR =
      new AnchoredPattern(
          "(?i)(?:treated\\s+for|undergoing\\s+treatments?\\s+for)"
              + "(?:\\s+(?:the\\s+)?diagnos[ie]s\\s+of)?"
              + LIST_START,
          "treated",
          "undergoing");

  /** Otherwise the claimed condition: "has filed a claim for knee pain reportedly associated". */
  private static final AnchoredPattern CLAIM =
      new AnchoredPattern("(?i)filed\\s+a\\s+claim\\s+for" + LIST_START, "filed");

  /** Where one piece of the list ends: ";", ",", "and", "as well as". */
  private static final Pattern SEPARATOR =
      Pattern.compile(
          "\\s*;\\s*(?:and\\s+)?|\\s*,\\s*(?:and\\s+|as\\s+well\\s+as\\s+)?"
              + "|\\s+(?:and|as\\s+well\\s+as)\\s+(?=\\p{L})"
              // A new provisional or past diagnosis inside a run-on list starts an item of its own:
              // "weakness ... rule out carpal tunnel syndrome ... rule out cervical radiculopathy".
              + "|\\s+(?=(?i:rule\\s+out|status\\s+post)\\s)");

  /** Lead-in words left on an item, and its articles: "a lumbar strain" is "lumbar strain". */
  private static final Pattern ITEM_LEAD =
      Pattern.compile(
          "(?i)^(?:(?:and|or|also|as\\s+well\\s+as|having|documented(?:\\s+as)?|that\\s+include[sd]?"
              + "|include[sd]?|of|with|a|an|the)\\s+)+");

  /** What follows a diagnosis without being one: its date, or how the worker is doing now. */
  private static final Pattern ITEM_TAIL =
      Pattern.compile(
          "(?i)\\s+(?:(?:on|dated)\\s+\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}\\b.*"
              + "|(?:now|currently)\\s+(?:recovering|doing|improving|stable)\\b.*)$");

  private static final Pattern ITEM_EDGES =
      Pattern.compile("^[\\s\"\u201c\\[(]+|[\\s.,:;\"\u201d\\])]+$");
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern LAST_WORD = Pattern.compile("([a-z]+)\\W*$");
  private static final Pattern CONTINUES = Pattern.compile("(?i)^(?:or|and[-/]or)\\s");
  private static final int MAX_DIAGNOSES = 15;
  private static final int MAX_DIAGNOSIS_LENGTH = 160;

  private enum Kind {
    /** Only sides and spinal levels: waits for the noun that follows ("right and left ..."). */
    SIDES,
    /** Only body parts, tissues, qualifiers: belongs to the diagnosis before it. */
    CONTINUATION,
    /** Names a diagnosis. */
    DIAGNOSIS
  }

  private final DiagnosisWords words;

  DiagnosisExtractor(DiagnosisWords words) {
    this.words = words;
  }

  /**
   * The diagnoses named in the first sentence that lists them, as written; empty, with a warning,
   * when the summary names none.
   *
   * @param summary the case summary as one paragraph ({@link Prose#join})
   */
  List<String> extract(String summary, List<String> warnings) {
    LowerCased text = LowerCased.of(summary);
    MatchResult diagnosed = DIAGNOSED.find(text);
    MatchResult treated = TREATED_FOR.find(text);
    MatchResult m =
        diagnosed == null || (treated != null && treated.start() < diagnosed.start())
            ? treated
            : diagnosed;
    m = m != null ? m : CLAIM.find(text);
    List<String> out =
        m == null ? List.of() : items(summary.substring(m.end(), listEnd(summary, m.end())));
    if (out.isEmpty()) {
      warnings.add("no diagnoses found");
    }
    return out;
  }

  /**
   * Where the list that begins at {@code from} ends: a period before a blank, a quote, a capital or
   * the end; a semicolon before a new clause; a sentence start whose period is missing; "reportedly
   * associated". A scan rather than a lazy pattern: this runs on every letter.
   */
  static int listEnd(String text, int from) {
    int limit = Math.min(text.length(), from + MAX_LIST_LENGTH);
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        if (Character.isWhitespace(next)
            || (next >= 'A' && next <= 'Z')
            || ((next == '"' || next == '\u201d')
                && (i + 2 == text.length() || Character.isWhitespace(text.charAt(i + 2))))) {
          return i;
        }
      } else if (c == ';' && CLAUSE_AFTER_SEMICOLON.matcher(text).region(i, limit).lookingAt()) {
        return i;
      } else if (c == ' ' && startsSentenceOrClaim(text, i + 1)) {
        return i;
      }
    }
    return limit;
  }

  private static boolean startsSentenceOrClaim(String text, int at) {
    for (String start : SENTENCE_STARTS) {
      if (text.startsWith(start, at)
          && (start.endsWith(" ")
              || at + start.length() == text.length()
              || !Character.isLetter(text.charAt(at + start.length())))) {
        return true;
      }
    }
    return text.regionMatches(true, at, REPORTEDLY_ASSOCIATED, 0, REPORTEDLY_ASSOCIATED.length());
  }

  /** The items of one written list, pieces that continue a neighbour joined to it, deduplicated. */
  private List<String> items(String list) {
    List<String> merged = new ArrayList<>();
    String pending = null; // a piece waiting for the noun that follows
    String pendingJoiner = "";
    Matcher sep = SEPARATOR.matcher(list);
    int start = 0;
    String before = "";
    boolean more = true;
    while (more) {
      more = sep.find();
      String piece = list.substring(start, more ? sep.start() : list.length());
      String joiner = before; // what joins this piece to the one before
      before = more ? normalized(sep.group()) : "";
      start = more ? sep.end() : list.length();
      // "repair on 10-22-16", "... now recovering well": a date or a state of recovery is not
      // part of what was diagnosed.
      piece = ITEM_TAIL.matcher(piece).replaceFirst("");
      if (piece.isBlank()) {
        continue;
      }
      Kind kind = kind(piece);
      if (pending != null) {
        piece = pending + joiner + piece;
        joiner = pendingJoiner;
        pending = null;
        if (kind != Kind.DIAGNOSIS && more) {
          pending =
              piece; // still waiting for its noun: "chronic neck, shoulder, and low back pain"
          pendingJoiner = joiner;
          continue;
        }
        kind = kind(piece);
      }
      boolean continues =
          kind == Kind.CONTINUATION
              || CONTINUES.matcher(piece).find()
              || (joiner.equals(" and ") && isOneWord(piece)); // "lumbar sprain and strain"
      boolean dangling =
          more && (before.equals(" and ") && endsWithSide(piece) || isBodyWithAWord(piece));
      if ((kind == Kind.SIDES || dangling) && more) {
        pending = piece; // "right and left shoulder sprain", "rule out cervical and lumbar HNP"
        pendingJoiner = joiner;
      } else if (continues && !merged.isEmpty()) {
        merged.set(merged.size() - 1, merged.getLast() + joiner + piece);
      } else if (continues && more) {
        pending = piece; // a list that begins "neck, back and shoulder pain"
        pendingJoiner = joiner;
      } else {
        merged.add(piece);
      }
    }
    if (pending != null) {
      merged.add(pending);
    }
    return clean(merged);
  }

  /** "strain" in "lumbar sprain and strain": no site of its own, it shares the one before. */
  private static boolean isOneWord(String piece) {
    String p = piece.strip();
    return !p.isEmpty() && p.indexOf(' ') < 0;
  }

  /** "chronic neck" (, shoulder, and low back pain): a short piece that ends in a body part. */
  private boolean isBodyWithAWord(String piece) {
    String[] w = BLANKS.split(piece.strip().toLowerCase(Locale.ROOT));
    return w.length == 2 && words.body().contains(w[1]) && !words.sides().contains(w[0]);
  }

  /** "rule out cervical": a side with no noun after it yet. */
  private boolean endsWithSide(String piece) {
    Matcher m = LAST_WORD.matcher(piece.toLowerCase(Locale.ROOT));
    return m.find() && words.sides().contains(m.group(1));
  }

  private static List<String> clean(List<String> merged) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : merged) {
      String s = ITEM_EDGES.matcher(item).replaceAll("");
      s = ITEM_EDGES.matcher(ITEM_LEAD.matcher(s).replaceFirst("")).replaceAll("");
      if (s.indexOf('(') > s.indexOf(')')) {
        s += ")"; // "chronic low back pain (LBP)": the edge took its parenthesis
      }
      if (s.indexOf('[') >= 0 != s.indexOf(']') >= 0) {
        s = s.replace("[", "").replace("]", ""); // "abdominal [pain": a bracket never closed
      }
      if (s.length() >= 3
          && s.length() <= MAX_DIAGNOSIS_LENGTH
          && Prose.letters(s) >= 3
          && out.size() < MAX_DIAGNOSES
          && seen.add(s.toLowerCase(Locale.ROOT))) {
        out.add(s);
      }
    }
    return out;
  }

  /** A separator with its blanks as one space: ", and ", "; ", " and ". */
  private static String normalized(String separator) {
    String s = BLANKS.matcher(separator.strip()).replaceAll(" ");
    if (s.isEmpty()) {
      return " "; // the blank before "rule out" or "status post"
    }
    if (s.startsWith(",") || s.startsWith(";")) {
      return s.length() > 1 ? s.charAt(0) + " " + s.substring(1).strip() + " " : s + " ";
    }
    return " " + s + " ";
  }

  private Kind kind(String piece) {
    boolean onlySides = true;
    boolean any = false;
    Matcher w = WORD.matcher(piece.toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      if (words.filler().contains(word)) {
        continue;
      }
      any = true;
      if (words.sides().contains(word)) {
        continue;
      }
      onlySides = false;
      if (!words.body().contains(word) && !words.qualifiers().contains(word)) {
        return Kind.DIAGNOSIS;
      }
    }
    if (!any) {
      return Kind.CONTINUATION;
    }
    return onlySides ? Kind.SIDES : Kind.CONTINUATION;
  }
}
