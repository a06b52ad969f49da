package org.imrsearch.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Filter values as the index spells them. Users type values the way the query syntax takes them,
 * case ignored ({@code treatment=physical therapy}); facet values are exact strings ("Physical
 * therapy"). A value that matches no indexed value in any case is kept as given (it selects
 * nothing, and the page says so).
 */
public final class FilterValues {
  private FilterValues() {}

  /** {@code filters} with each value replaced by its indexed spelling where it differs in case. */
  public static Map<Filter, List<String>> asIndexed(
      SortedSetDocValuesReaderState state, Map<Filter, List<String>> filters) throws IOException {
    if (filters.isEmpty()) {
      return filters;
    }
    TermsEnum terms = state.getDocValues().termsEnum();
    Map<Filter, List<String>> resolved = new LinkedHashMap<>();
    for (Map.Entry<Filter, List<String>> filter : filters.entrySet()) {
      List<String> values = new ArrayList<>();
      for (String value : filter.getValue()) {
        values.add(indexed(terms, filter.getKey(), value));
      }
      resolved.put(filter.getKey(), List.copyOf(values));
    }
    return Map.copyOf(resolved);
  }

  private static String indexed(TermsEnum terms, Filter filter, String value) throws IOException {
    String wanted = FacetsConfig.pathToString(filter.dim(), filter.path(value));
    if (terms.seekExact(new BytesRef(wanted))) {
      return value;
    }
    String dimPrefix = filter.dim() + FacetsConfig.DELIM_CHAR;
    if (terms.seekCeil(new BytesRef(dimPrefix)) == TermsEnum.SeekStatus.END) {
      return value;
    }
    for (BytesRef term = terms.term(); term != null; term = terms.next()) {
      String s = term.utf8ToString();
      if (!s.startsWith(dimPrefix)) {
        break;
      }
      if (s.equalsIgnoreCase(wanted)) {
        return s.substring(dimPrefix.length()).replace(FacetsConfig.DELIM_CHAR, '/');
      }
    }
    return value;
  }
}
