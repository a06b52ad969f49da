package org.imrsearch.rates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * In how many rationales of two sets (foreground and background) each word and two- and three-word
 * phrase occurs. A rationale is lower-cased and cut into sentences at {@code . ; : ! ? ( )}; a word
 * is a run of the letters a-z; a phrase is two or three consecutive words of one sentence, joined
 * by one space, that starts and ends with a content word (longer than two letters, neither an
 * English stop word nor one of the letters' formulas). Each term counts once per rationale.
 *
 * <p>This is the whole cost of the distinctive-terms view on either engine, so it runs without a
 * string or a set per occurrence: words are offsets into the lower-cased text, a term is looked up
 * in an open-addressing table of the terms seen so far by its characters, and a term already
 * counted for the current rationale is known by the rationale number it was last counted in.
 */
final class PhraseCounts {
  private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final int MAX_WORDS = 3;

  private final CharArraySet boilerplate;

  /** The terms, by id. */
  private String[] terms = new String[1024];

  private int[] hashes = new int[1024];
  private int[] foreground = new int[1024];
  private int[] background = new int[1024];

  /** The rationale a term was last counted in (1-based: 0 is none). */
  private int[] lastCounted = new int[1024];

  private int size;

  /** Open addressing: term id + 1 by hash slot, 0 for an empty slot. */
  private int[] table = new int[2048];

  private int foregroundDocs;
  private int backgroundDocs;
  private int rationales;

  /** The term being built from the current words, in one space-separated buffer. */
  private char[] term = new char[64];

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
          starts = Arrays.copyOf(starts, words * 2);
          ends = Arrays.copyOf(ends, words * 2);
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
      int length = append(0, text, i);
      count(length, inForeground);
      for (int n = 1; n < MAX_WORDS && i + n < words; n++) {
        length = append(length, text, i + n);
        if (content(text, i + n)) {
          count(length, inForeground);
        }
      }
    }
  }

  /** Appends word {@code w} to the term's first {@code length} characters (with a space). */
  private int append(int length, char[] text, int w) {
    int wordLength = ends[w] - starts[w];
    int needed = length + (length > 0 ? 1 : 0) + wordLength;
    if (needed > term.length) {
      term = Arrays.copyOf(term, Math.max(needed, term.length * 2));
    }
    if (length > 0) {
      term[length++] = ' ';
    }
    System.arraycopy(text, starts[w], term, length, wordLength);
    return length + wordLength;
  }

  /** A word that may start or end a phrase. */
  private boolean content(char[] text, int w) {
    int length = ends[w] - starts[w];
    return length > 2
        && !STOP.contains(text, starts[w], length)
        && !boilerplate.contains(text, starts[w], length);
  }

  private void count(int length, boolean inForeground) {
    int id = idOf(length);
    if (lastCounted[id] == rationales) {
      return; // counted once per rationale
    }
    lastCounted[id] = rationales;
    (inForeground ? foreground : background)[id]++;
  }

  /** The id of the term in the buffer's first {@code length} characters, added if new. */
  private int idOf(int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + term[i];
    }
    int mask = table.length - 1;
    int slot = mix(hash) & mask;
    while (table[slot] != 0) {
      int id = table[slot] - 1;
      if (hashes[id] == hash && equal(terms[id], length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = size++;
    if (id == terms.length) {
      int capacity = id * 2;
      terms = Arrays.copyOf(terms, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
      foreground = Arrays.copyOf(foreground, capacity);
      background = Arrays.copyOf(background, capacity);
      lastCounted = Arrays.copyOf(lastCounted, capacity);
    }
    terms[id] = new String(term, 0, length);
    hashes[id] = hash;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private boolean equal(String known, int length) {
    if (known.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known.charAt(i) != term[i]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(hashes[id]) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Every term id, for {@link #term}, {@link #foreground} and {@link #background}. */
  void forEachTerm(IntConsumer id) {
    for (int i = 0; i < size; i++) {
      id.accept(i);
    }
  }

  String term(int id) {
    return terms[id];
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
