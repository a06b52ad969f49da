package org.imrsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.imrsearch.index.IndexField;
import org.imrsearch.query.Filter;

/**
 * What to try when a search matches nothing: how many decisions each selected filter value hides
 * (the search without it), and the query with its unknown words replaced by the closest words of
 * the rationales (Lucene's spell checker over the index's own terms).
 *
 * @param withoutFilter one entry per selected value: the total without it
 * @param didYouMean the query with misspelt words corrected, or null when none was found
 */
public record NoHitsHelp(List<Loosened> withoutFilter, String didYouMean) {
  /** A selected value and the total of the same search without it. */
  public record Loosened(String name, String value, long total) {}

  /**
   * Plain words of the query (no field names or syntax), the ones worth spelling: four letters or
   * more, so AND, OR and NOT are never taken for words.
   */
  public static final Pattern WORD = Pattern.compile("(?<![\\w:*~\"])([A-Za-z]{4,})(?![\\w:*~])");

  public NoHitsHelp {
    withoutFilter = List.copyOf(withoutFilter);
  }

  /** The help for a search of {@code query} (as parsed: {@code parsed}) under {@code filters}. */
  static NoHitsHelp of(
      IndexSearcher searcher,
      FacetsConfig config,
      String query,
      Query parsed,
      Map<Filter, List<String>> filters)
      throws IOException {
    List<Loosened> loosened = new ArrayList<>();
    // In the order the filters are shown, whatever order the request gave them in.
    for (Map.Entry<Filter, List<String>> filter : inFilterOrder(filters)) {
      for (String value : filter.getValue()) {
        Map<Filter, List<String>> without = without(filters, filter.getKey(), value);
        long total = searcher.count(Filter.drillDown(config, parsed, without));
        loosened.add(new Loosened(filter.getKey().param(), value, total));
      }
    }
    return new NoHitsHelp(loosened, corrected(searcher, query));
  }

  /**
   * {@code filters} without {@code value} of {@code filter}, and without the filter where that was
   * its only value.
   */
  public static Map<Filter, List<String>> without(
      Map<Filter, List<String>> filters, Filter filter, String value) {
    Map<Filter, List<String>> without = new LinkedHashMap<>(filters);
    List<String> rest = filters.get(filter).stream().filter(v -> !v.equals(value)).toList();
    if (rest.isEmpty()) {
      without.remove(filter);
    } else {
      without.put(filter, rest);
    }
    return without;
  }

  /** {@code filters} in the order of {@link Filter}'s values: the order pages show them in. */
  public static List<Map.Entry<Filter, List<String>>> inFilterOrder(
      Map<Filter, List<String>> filters) {
    return filters.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  private static String corrected(IndexSearcher searcher, String query) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    Map<String, String> fixes = new HashMap<>();
    for (String word : words(query)) {
      SuggestWord[] suggestions =
          checker.suggestSimilar(
              new Term(IndexField.RATIONALE.fieldName(), word),
              1,
              searcher.getIndexReader(),
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (suggestions.length > 0) {
        fixes.put(word, suggestions[0].string);
      }
    }
    return corrected(query, fixes);
  }

  /** The plain words of {@code query} worth spelling ({@link #WORD}), lower-cased. */
  public static List<String> words(String query) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(query);
    while (m.find()) {
      words.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * {@code query} with each word that {@code fixes} has (by its lower-case form) replaced; null
   * when none is.
   */
  public static String corrected(String query, Map<String, String> fixes) {
    Matcher m = WORD.matcher(query);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String fix = fixes.get(m.group(1).toLowerCase(Locale.ROOT));
      changed |= fix != null;
      m.appendReplacement(out, Matcher.quoteReplacement(fix == null ? m.group(1) : fix));
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }
}
