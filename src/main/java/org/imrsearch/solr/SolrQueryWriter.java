package org.imrsearch.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.imrsearch.index.IndexField;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.QuerySyntax;

/**
 * Writes a query parsed by {@link QuerySyntax} (the one parser of the product: the same syntax,
 * limits and errors on both engines) in Solr's standard query syntax, for a collection laid out by
 * {@link SolrDocuments}.
 *
 * <p>The terms are already analyzed (lower case, folded, stemmed, synonyms expanded); Solr analyses
 * them again with the same chains, which changes nothing. The block joins of the embedded index
 * ("summary:", "letter:") become fields of the decision documents: the summary and the prose of the
 * whole letter are on each decision ({@link SolrFields#LETTER_PROSE}). Requests must send {@code
 * q.op=OR}: clauses without an operator are optional, as in Lucene.
 */
final class SolrQueryWriter {
  /** A phrase with alternatives at its positions is written as that many phrases, at most. */
  private static final int MAX_PHRASE_VARIANTS = 64;

  private final BiFunction<IndexField, String, String> keywordSpelling;

  /**
   * @param keywordSpelling a keyword value as the collection spells it ("family practice" ->
   *     "Family Practice"), or the value itself when the collection does not have it
   */
  SolrQueryWriter(BiFunction<IndexField, String, String> keywordSpelling) {
    this.keywordSpelling = keywordSpelling;
  }

  String write(Query query) {
    return write(query, Map.of());
  }

  /** {@code query} with its fields renamed by {@code rename} (for the letter-wide prose). */
  private String write(Query query, Map<String, String> rename) {
    if (query instanceof BooleanQuery b) {
      return bool(b, rename);
    }
    if (query instanceof TermQuery t) {
      return term(t.getTerm(), rename);
    }
    if (query instanceof PhraseQuery p) {
      return phrase(field(p.getField(), rename), words(p.getTerms()), p.getSlop());
    }
    if (query instanceof MultiPhraseQuery m) {
      return multiPhrase(m, rename);
    }
    if (query instanceof SynonymQuery s) {
      return "("
          + s.getTerms().stream().map(t -> term(t, rename)).collect(Collectors.joining(" "))
          + ")";
    }
    if (query instanceof PrefixQuery p) {
      return field(p.getField(), rename)
          + ":"
          + ClientUtils.escapeQueryChars(p.getPrefix().text())
          + "*";
    }
    if (query instanceof WildcardQuery w) {
      return field(w.getField(), rename) + ":" + wildcard(w.getTerm().text());
    }
    if (query instanceof FuzzyQuery f) {
      return field(f.getField(), rename)
          + ":"
          + ClientUtils.escapeQueryChars(f.getTerm().text())
          + "~"
          + f.getMaxEdits();
    }
    if (query instanceof IndexSortSortedNumericDocValuesRangeQuery i) {
      return write(i.getFallbackQuery(), rename); // a date range
    }
    if (query instanceof IndexOrDocValuesQuery i) {
      return write(i.getIndexQuery(), rename);
    }
    if (query instanceof PointRangeQuery r && r.getNumDims() == 1 && r.getBytesPerDim() == 8) {
      return r.getField()
          + ":["
          + bound(LongPoint.decodeDimension(r.getLowerPoint(), 0))
          + " TO "
          + bound(LongPoint.decodeDimension(r.getUpperPoint(), 0))
          + "]";
    }
    if (query instanceof BoostQuery b) {
      return "(" + write(b.getQuery(), rename) + ")^" + b.getBoost();
    }
    if (query instanceof ConstantScoreQuery c) {
      return write(c.getQuery(), rename);
    }
    if (query instanceof MatchAllDocsQuery) {
      return "*:*";
    }
    if (query instanceof MatchNoDocsQuery) {
      return "(-*:*)";
    }
    if (query instanceof ToChildBlockJoinQuery child) {
      // The letters that match, as their decisions: letter fields are on each decision.
      return write(child.getParentQuery(), rename);
    }
    if (query instanceof ToParentBlockJoinQuery parent) {
      // Any decision of the letter matches: the letter-wide copies of the decisions' prose.
      Map<String, String> letterWide =
          SolrFields.LETTER_PROSE.stream()
              .collect(Collectors.toMap(IndexField::fieldName, SolrFields::letterWide));
      return write(parent.getChildQuery(), letterWide);
    }
    // A query kind the parser does not make: a bug, said plainly rather than searched wrongly.
    throw new IllegalStateException(
        "no Solr form for " + query.getClass().getSimpleName() + ": " + query);
  }

  private String bool(BooleanQuery b, Map<String, String> rename) {
    if (b.getMinimumNumberShouldMatch() > 0) {
      throw new IllegalStateException("minimum-should-match is not written for Solr: " + b);
    }
    List<String> clauses = new ArrayList<>();
    boolean positive = false;
    for (BooleanClause c : b.clauses()) {
      String inner = write(c.query(), rename);
      switch (c.occur()) {
        case MUST -> {
          clauses.add("+" + inner);
          positive = true;
        }
        case FILTER -> {
          clauses.add("+filter(" + inner + ")");
          positive = true;
        }
        case MUST_NOT -> clauses.add("-" + inner);
        case SHOULD -> {
          clauses.add(inner);
          positive = true;
        }
      }
    }
    if (clauses.isEmpty()) {
      return "(-*:*)";
    }
    if (!positive) {
      // Lucene matches nothing with only prohibited clauses; Solr would add "all documents".
      clauses.add(0, "-*:*");
    }
    return "(" + String.join(" ", clauses) + ")";
  }

  private String term(Term t, Map<String, String> rename) {
    IndexField keyword = keywordField(t.field());
    String value = keyword == null ? t.text() : keywordSpelling.apply(keyword, t.text());
    return field(t.field(), rename) + ":" + quoted(value);
  }

  private static String phrase(String field, List<String> words, int slop) {
    return field + ":" + quoted(String.join(" ", words)) + (slop > 0 ? "~" + slop : "");
  }

  private static List<String> words(Term[] terms) {
    List<String> out = new ArrayList<>(terms.length);
    for (Term t : terms) {
      out.add(t.text());
    }
    return out;
  }

  /** A phrase with alternatives at some positions (synonyms): any of its variants. */
  private String multiPhrase(MultiPhraseQuery m, Map<String, String> rename) {
    Term[][] arrays = m.getTermArrays();
    List<List<String>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    for (Term[] at : arrays) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> v : variants) {
        for (Term t : at) {
          List<String> longer = new ArrayList<>(v);
          longer.add(t.text());
          next.add(longer);
        }
      }
      variants = next;
      if (variants.size() > MAX_PHRASE_VARIANTS) {
        throw new BadRequestException("a phrase has too many alternative wordings; shorten it");
      }
    }
    String field = field(arrays[0][0].field(), rename);
    return "("
        + variants.stream()
            .map(words -> phrase(field, words, m.getSlop()))
            .collect(Collectors.joining(" "))
        + ")";
  }

  private static String field(String name, Map<String, String> rename) {
    return rename.getOrDefault(name, name);
  }

  private static IndexField keywordField(String name) {
    for (IndexField f : IndexField.values()) {
      if (f.fieldName().equals(name)
          && f != IndexField.ITEM
          && f != IndexField.RATIONALE
          && f != IndexField.GUIDELINE_TEXT
          && f != IndexField.CASE_SUMMARY) {
        return f;
      }
    }
    return null;
  }

  private static String bound(long value) {
    return value == Long.MIN_VALUE || value == Long.MAX_VALUE ? "*" : Long.toString(value);
  }

  /** A term in quotes: inside them only the quote and the backslash are special. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A wildcard term with every special character escaped but its * and ?. */
  private static String wildcard(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        out.append(c);
      } else {
        out.append(ClientUtils.escapeQueryChars(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
