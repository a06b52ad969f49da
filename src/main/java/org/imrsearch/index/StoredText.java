package org.imrsearch.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.imrsearch.extract.Prose;

/**
 * Every character of a letter stored once. The case summary and each rationale are prose joined
 * from a passage of the letter's text ({@link Prose#join}); the index stores that passage as
 * written in the decision's (or the letter's) own document, and the letter's text with those
 * passages cut out. Reading puts the text back together and joins a passage into its prose again:
 * the same string that was indexed, so stored offsets and highlights still fit.
 *
 * <p>A prose value whose passage cannot be found in the text (or that overlaps one already cut) is
 * stored as it is and the text keeps its passage: correct either way, only larger.
 */
public final class StoredText {
  /** The hole of the case summary; a rationale's hole is its decision number (from 1). */
  public static final int SUMMARY = 0;

  /**
   * The letter's text cut into {@code pieces} around {@code holes} (one fewer than the pieces), and
   * the source of each prose value: the passage as written, or the prose itself when it was not cut
   * out.
   */
  public record Cut(
      List<String> pieces, List<Integer> holes, String summary, List<String> rationales) {}

  private StoredText() {}

  /** Cuts {@code summary} and {@code rationales} (in decision order) out of {@code text}. */
  public static Cut cut(String text, String summary, List<String> rationales) {
    Squeezed squeezed = new Squeezed(text);
    List<int[]> found = new ArrayList<>(); // {start, end, hole}
    String[] sources = new String[rationales.size() + 1];
    sources[SUMMARY] = summary;
    addIfFound(found, squeezed, summary, SUMMARY);
    for (int i = 0; i < rationales.size(); i++) {
      sources[i + 1] = rationales.get(i);
      addIfFound(found, squeezed, rationales.get(i), i + 1);
    }
    found.sort(Comparator.comparingInt(span -> span[0]));
    List<String> pieces = new ArrayList<>();
    List<Integer> holes = new ArrayList<>();
    int at = 0;
    for (int[] span : found) {
      if (span[0] < at) {
        continue; // overlaps a passage already cut: this value keeps its prose
      }
      pieces.add(text.substring(at, span[0]));
      holes.add(span[2]);
      sources[span[2]] = text.substring(span[0], span[1]);
      at = span[1];
    }
    pieces.add(text.substring(at));
    return new Cut(pieces, holes, sources[SUMMARY], List.of(sources).subList(1, sources.length));
  }

  private static void addIfFound(List<int[]> found, Squeezed text, String prose, int hole) {
    int[] span = text.passageOf(prose);
    if (span != null) {
      found.add(new int[] {span[0], span[1], hole});
    }
  }

  /** The prose of a stored source (a passage as written, or prose already). */
  public static String prose(String source) {
    return source == null ? "" : Prose.join(source);
  }

  /** The rationale of a decision document read with {@link IndexField#RATIONALE_SOURCE}. */
  public static String rationale(Document decision) {
    return prose(decision.get(IndexField.RATIONALE_SOURCE.fieldName()));
  }

  /** The case summary of a letter document. */
  public static String summary(Document letter) {
    return prose(letter.get(IndexField.SUMMARY_SOURCE.fieldName()));
  }

  /**
   * The whole text of a letter document, given the {@link IndexField#RATIONALE_SOURCE} of its
   * decisions by decision number.
   */
  public static String text(Document letter, Map<Integer, String> rationaleSources) {
    List<Integer> holes = new ArrayList<>();
    for (IndexableField hole : letter.getFields(IndexField.TEXT_HOLES.fieldName())) {
      holes.add(hole.numericValue().intValue());
    }
    return join(
        List.of(letter.getValues(IndexField.TEXT.fieldName())),
        holes,
        letter.get(IndexField.SUMMARY_SOURCE.fieldName()),
        rationaleSources);
  }

  /**
   * The letter's text from its stored {@code pieces} and {@code holes}, the summary's source and
   * the rationales' sources by decision number.
   */
  public static String join(
      List<String> pieces, List<Integer> holes, String summary, Map<Integer, String> rationales) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      text.append(pieces.get(i));
      if (i < holes.size()) {
        int hole = holes.get(i);
        String source = hole == SUMMARY ? summary : rationales.get(hole);
        if (source == null) {
          throw new IllegalStateException("the stored letter lacks the passage of hole " + hole);
        }
        text.append(source);
      }
    }
    return text.toString();
  }

  /**
   * A text without its whitespace, with each remaining character's position in the text: prose
   * joined from a passage differs from it only in whitespace, so the passage is where the prose's
   * non-blank characters occur in a row.
   */
  private static final class Squeezed {
    private final String text;
    private final String squeezed;
    private final int[] positions;

    Squeezed(String text) {
      this.text = text;
      // Arrays rather than a StringBuilder: this runs over every letter of an ingest.
      char[] kept = new char[text.length()];
      int[] at = new int[text.length()];
      int n = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (!isWhitespace(c)) {
          at[n] = i;
          kept[n++] = c;
        }
      }
      this.squeezed = new String(kept, 0, n);
      this.positions = at;
    }

    /** The start and end of the passage that joins into {@code prose}, or null. */
    int[] passageOf(String prose) {
      if (prose == null || prose.isEmpty()) {
        return null;
      }
      String wanted = squeeze(prose);
      if (wanted.isEmpty()) {
        return null;
      }
      for (int i = squeezed.indexOf(wanted); i >= 0; i = squeezed.indexOf(wanted, i + 1)) {
        int start = positions[i];
        int end = positions[i + wanted.length() - 1] + 1;
        if (Prose.join(text.substring(start, end)).equals(prose)) {
          return new int[] {start, end};
        }
      }
      return null;
    }

    private static String squeeze(String s) {
      char[] kept = new char[s.length()];
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!isWhitespace(c)) {
          kept[n++] = c;
        }
      }
      return new String(kept, 0, n);
    }

    /** {@link Character#isWhitespace(char)}, as {@link Prose#join} counts blanks. */
    private static boolean isWhitespace(char c) {
      return (c <= ' ' || c >= 0x7f) && Character.isWhitespace(c);
    }
  }
}
