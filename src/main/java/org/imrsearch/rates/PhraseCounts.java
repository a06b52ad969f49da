package org.imrsearch.rates;

import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.BytesRefHash;

/**
 * In how many rationales of two sets (foreground and background) each word and two- and three-word
 * phrase occurs. A rationale is lower-cased and cut into sentences at {@code . ; : ! ? ( )}; a word
 * is a run of the letters a-z; a phrase is two or three consecutive words of one sentence, joined
 * by one space, that starts and ends with a content word (longer than two letters, neither an
 * English stop word nor one of the letters' formulas). Each term counts once per rationale. A term
 * longer than {@link #MAX_TERM} characters (a run of letters no reader would call a word, as in a
 * garbled scan) is not counted.
 *
 * <p>It runs on every sampled rationale of the distinctive-terms view, on either engine, so it
 * makes no string or set per occurrence: words are offsets into the lower-cased text, a term's
 * bytes are looked up in Lucene's {@link BytesRefHash} (which gives each distinct term an id), and
 * a term already counted for the current rationale is known by the rationale it was last counted
 * in.
 */
final class PhraseCounts {
  private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final int MAX_WORDS = 3;

  /** The longest term counted; Lucene's hash of terms takes at most about 32 KB a term. */
  static final int MAX_TERM = 1000;

  private final CharArraySet boilerplate;

  /** Every distinct term, by id. */
  private final BytesRefHash terms = new BytesRefHash();

  private int[] foreground = new int[1024];
  private int[] background = new int[1024];

  /** The rationale a term was last counted in (1-based: 0 is none). */
  private int[] lastCounted = new int[1024];

  private int foregroundDocs;
  private int backgroundDocs;
  private int rationales;

  /** The term being built from the current words, space-separated (a-z only: one byte a char). */
  private final BytesRefBuilder term = new BytesRefBuilder();

  /** Start and end offsets of the current sentence's words in the lower-cased text. */
  private int[] starts = new int[64];

  private int[] ends = new int[64];

  PhraseCounts(Set<String> boilerplate) {
    this.boilerplate = new CharArraySet(boilerplate, false);
  }

  int foregroundDocs() {
    return foregroundDocs;
  }

  int backgroundDocs() {
    return backgroundDocs;
  }

  /** Counts the terms of one rationale in the foreground or the background. */
  void add(String rationale, boolean inForeground) {
    rationales++;
    if (inForeground) {
      foregroundDocs++;
    } else {
      backgroundDocs++;
    }
    char[] text = rationale.toLowerCase(Locale.ROOT).toCharArray();
    int words = 0;
    int i = 0;
    while (i <= text.length) {
      char c = i < text.length ? text[i] : '.';
      if (c >= 'a' && c <= 'z') {
        int start = i;
        while (i < text.length && text[i] >= 'a' && text[i] <= 'z') {
          i++;
        }
        if (words == starts.length) {
          starts = ArrayUtil.grow(starts);
          ends = ArrayUtil.grow(ends);
        }
        starts[words] = start;
        ends[words] = i;
        words++;
        continue;
      }
      if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')') {
        countSentence(text, words, inForeground);
        words = 0;
      }
      i++;
    }
  }

  private void countSentence(char[] text, int words, boolean inForeground) {
    for (int i = 0; i < words; i++) {
      if (!content(text, i)) {
        continue;
      }
      term.clear();
      append(text, i);
      count(inForeground);
      for (int n = 1; n < MAX_WORDS && i + n < words; n++) {
        term.append((byte) ' ');
        append(text, i + n);
        if (content(text, i + n)) {
          count(inForeground);
        }
      }
    }
  }

  /** Appends word {@code w} (letters a-z) to the term. */
  private void append(char[] text, int w) {
    for (int c = starts[w]; c < ends[w]; c++) {
      term.append((byte) text[c]);
    }
  }

  /** A word that may start or end a phrase. */
  private boolean content(char[] text, int w) {
    int length = ends[w] - starts[w];
    return length > 2
        && !STOP.contains(text, starts[w], length)
        && !boilerplate.contains(text, starts[w], length);
  }

  private void count(boolean inForeground) {
    if (term.length() > MAX_TERM) {
      return;
    }
    int id = terms.add(term.get());
    if (id < 0) {
      id = -id - 1; // seen before
    } else if (id == foreground.length) {
      foreground = ArrayUtil.grow(foreground);
      background = ArrayUtil.grow(background, foreground.length);
      lastCounted = ArrayUtil.grow(lastCounted, foreground.length);
    }
    if (lastCounted[id] == rationales) {
      return; // counted once per rationale
    }
    lastCounted[id] = rationales;
    (inForeground ? foreground : background)[id]++;
  }

  /** Every term id, for {@link #term}, {@link #foreground} and {@link #background}. */
  void forEachTerm(IntConsumer id) {
    for (int i = 0; i < terms.size(); i++) {
      id.accept(i);
    }
  }

  String term(int id) {
    return terms.get(id, new BytesRef()).utf8ToString();
  }

  /** The foreground rationales that hold term {@code id}. */
  int foreground(int id) {
    return foreground[id];
  }

  /** The background rationales that hold term {@code id}. */
  int background(int id) {
    return background[id];
  }
}
