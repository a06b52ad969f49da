package org.imrsearch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;

/**
 * The query language users type: words (all must match), "quoted phrases", "phrase"~3, OR,
 * -exclusion, (grouping), field:value, date:[from TO to], prefix* and fuzzy~. Words search the
 * rationale and the item, with the query-time synonyms; {@code summary:} and {@code letter:} search
 * the letter's case summary or any part of the letter and find all its decisions (block joins);
 * keyword fields match facet values, ignoring case. Inside a phrase, quotes (escaped) and
 * parentheses are words.
 *
 * <p>Limits, each refused with a {@link BadRequestException} that names it: {@value
 * #MAX_QUERY_LENGTH} characters, {@value #MAX_TERMS} terms, parentheses {@value #MAX_DEPTH} deep,
 * {@value #MIN_WILDCARD_PREFIX} letters before a wildcard, {@value #MIN_WILDCARD_PREFIX} + 1
 * letters in a fuzzy term (at most 2 edits), and Lucene's clause limit for what a wildcard expands
 * to.
 */
public final class QuerySyntax {
  /** Query field name -> index field. */
  static final Map<String, IndexField> TEXT_FIELDS =
      Map.of(
          "rationale",
          IndexField.RATIONALE,
          "item",
          IndexField.ITEM,
          "guidelines",
          IndexField.GUIDELINE_TEXT);

  static final Map<String, IndexField> LETTER_FIELDS = Map.of("summary", IndexField.CASE_SUMMARY);

  /** The query field for any part of the letter: its summary or any of its decisions' prose. */
  private static final String WHOLE_LETTER = "letter";

  private static final List<IndexField> DECISION_PROSE =
      List.of(IndexField.RATIONALE, IndexField.ITEM, IndexField.GUIDELINE_TEXT);
  static final Map<String, IndexField> KEYWORD_FIELDS =
      Map.ofEntries(
          Map.entry("specialty", IndexField.SPECIALTY),
              Map.entry("guideline", IndexField.GUIDELINE),
          Map.entry("caguideline", IndexField.CA_GUIDELINE),
              Map.entry("outcome", IndexField.OUTCOME),
          Map.entry("treatment", IndexField.TREATMENT), Map.entry("year", IndexField.YEAR),
          Map.entry("licensure", IndexField.LICENSURE), Map.entry("sex", IndexField.SEX),
          Map.entry("age", IndexField.AGE_BAND), Map.entry("layout", IndexField.LAYOUT),
          Map.entry("case", IndexField.CASE_NUMBER), Map.entry("letter_id", IndexField.LETTER_ID));
  private static final String DATE_FIELD = "date";

  /** Letters before a wildcard: "inj*" is fine, "i*" would expand to half the vocabulary. */
  static final int MIN_WILDCARD_PREFIX = 3;

  static final int MAX_QUERY_LENGTH = 2000;

  /** Terms one query may name; a longer list is a script, not a search. */
  static final int MAX_TERMS = 256;

  /** Parentheses inside parentheses; deeper nesting is a generated query, and costs stack. */
  static final int MAX_DEPTH = 16;

  private static final Pattern BARE_LEADING_WILDCARD = Pattern.compile("(^|[\\s(:])[*?]");

  private final Analyzer perFieldAnalyzer;
  private final BitSetProducer letters =
      new QueryBitSetProducer(
          new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER)));

  public QuerySyntax(Analyzer queryAnalyzer) {
    Map<String, Analyzer> keyword = new HashMap<>();
    KEYWORD_FIELDS.values().forEach(f -> keyword.put(f.fieldName(), new KeywordAnalyzer()));
    this.perFieldAnalyzer = new PerFieldAnalyzerWrapper(queryAnalyzer, keyword);
  }

  /** Only decision documents: every search and count is over decisions. */
  public static Query decisions() {
    return new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_DECISION));
  }

  /** Parses {@code text} into a query over decisions; blank text matches all decisions. */
  public Query parse(String text, IndexSearcher searcher) {
    return parse(text, searcher.getIndexReader());
  }

  /**
   * Parses {@code text} into a query over decisions, resolving keyword values ({@code
   * specialty:"family practice"}) to their spelling in {@code reader}; blank text matches all
   * decisions.
   */
  public Query parse(String text, IndexReader reader) {
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new BadRequestException(
          "query too long ("
              + text.length()
              + " characters; the limit is "
              + MAX_QUERY_LENGTH
              + ")");
    }
    Query user;
    if (text.isBlank()) {
      user = MatchAllDocsQuery.INSTANCE;
    } else {
      // Quotes and parentheses inside a phrase ("knee (left") are words, not syntax.
      String syntax = outsidePhrases(text);
      checkParentheses(syntax);
      if (BARE_LEADING_WILDCARD.matcher(syntax).find()) {
        throw new BadRequestException(
            "a wildcard needs at least " + MIN_WILDCARD_PREFIX + " letters before it");
      }
      try {
        user = new Parser(reader).parse(text);
      } catch (ParseException e) {
        throw new BadRequestException(inUserTerms(e));
      } catch (IndexSearcher.TooManyClauses e) {
        throw new BadRequestException(
            "the query expands to too many terms (the limit is "
                + IndexSearcher.getMaxClauseCount()
                + "); use a longer prefix or fewer words");
      }
    }
    int terms = countTerms(user);
    if (terms > MAX_TERMS) {
      throw new BadRequestException("the query has " + terms + " terms; the limit is " + MAX_TERMS);
    }
    if (matchesOnlyDecisions(user)) {
      // The decision filter would change nothing, and its postings list, as long as the index,
      // was most of a rare phrase's matching time.
      return user;
    }
    return new BooleanQuery.Builder()
        .add(user, BooleanClause.Occur.MUST)
        .add(decisions(), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * {@code text} with the inside of each phrase blanked and escaped characters replaced by a
   * letter, so that checks of the syntax see only quotes and operators that are syntax.
   *
   * @throws BadRequestException if a phrase is not closed
   */
  private static String outsidePhrases(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inPhrase = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(inPhrase ? "  " : "xx"); // an escaped character is a letter of a word
        i++;
      } else if (c == '"') {
        inPhrase = !inPhrase;
        out.append(c);
      } else {
        out.append(inPhrase ? ' ' : c);
      }
    }
    if (inPhrase) {
      throw new BadRequestException("a phrase is missing its closing quote (\")");
    }
    return out.toString();
  }

  /** Checks that parentheses outside phrases match and nest at most {@link #MAX_DEPTH} deep. */
  private static void checkParentheses(String syntax) {
    int depth = 0;
    int deepest = 0;
    for (int i = 0; i < syntax.length(); i++) {
      char c = syntax.charAt(i);
      if (c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ')' && --depth < 0) {
        break;
      }
    }
    if (depth != 0) {
      throw new BadRequestException("parentheses do not match");
    }
    if (deepest > MAX_DEPTH) {
      throw new BadRequestException(
          "the query nests parentheses " + deepest + " deep; the limit is " + MAX_DEPTH);
    }
  }

  /**
   * Whether {@code query} can only match decision documents: every clause that can make a document
   * match names terms of fields that letter documents lack. Matches without terms (all documents,
   * date ranges, block joins) could be letters.
   */
  static boolean matchesOnlyDecisions(Query query) {
    boolean[] onlyDecisions = {true};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term t : terms) {
              onlyDecisions[0] &= Schema.onDecisionsOnly(t.field());
            }
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            onlyDecisions[0] &= Schema.onDecisionsOnly(field);
          }

          @Override
          public void visitLeaf(Query q) {
            onlyDecisions[0] = false;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            // An excluded clause never makes a document match.
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return onlyDecisions[0];
  }

  /**
   * The user's words as a query on one text field, for marking them in a letter's text; field names
   * in the query are kept, so only the words meant for that text are marked.
   */
  public Query wordsIn(String text, IndexField field) {
    QueryParser parser = new QueryParser(field.fieldName(), perFieldAnalyzer);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    parser.setSplitOnWhitespace(false);
    try {
      return parser.parse(
          text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text);
    } catch (ParseException | IndexSearcher.TooManyClauses e) {
      throw new BadRequestException("cannot parse the query: " + firstLine(e.getMessage()));
    }
  }

  /** Terms a query names (synonyms included), before any wildcard expansion. */
  private static int countTerms(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return count[0];
  }

  /**
   * The parser's complaint as the person who typed the query would say it: which word is out of
   * place and where, and what the operators need, instead of the grammar's token names.
   */
  static String inUserTerms(ParseException thrown) {
    // The parser wraps the grammar's exception (which knows the tokens) in one of its own.
    ParseException e = thrown.getCause() instanceof ParseException cause ? cause : thrown;
    Token last = e.currentToken;
    if (last == null || last.next == null) {
      return "cannot parse the query: " + firstLine(e.getMessage()); // our own rules' messages
    }
    Token unexpected = last.next;
    if (unexpected.kind == 0) { // end of the query
      return "the query ends too early"
          + (last.image == null || last.image.isEmpty() ? "" : " after '" + last.image + "'")
          + ": AND, OR and NOT need a word after them, and a field name (item:) a value";
    }
    String word = unexpected.image;
    String where = "'" + word + "' at position " + unexpected.beginColumn;
    return switch (word.toUpperCase(Locale.ROOT)) {
      case "AND", "OR", "NOT", "&&", "||" ->
          where
              + " is out of place: AND, OR and NOT need words on both sides (to search for the"
              + " word itself, write it in lower case)";
      case ":" -> where + " is out of place: a field needs a name before the colon, as in item:mri";
      case ")" -> where + " closes a parenthesis that was never opened";
      default -> where + " is out of place here";
    };
  }

  private static String firstLine(String message) {
    String m = message == null ? "syntax error" : message.lines().findFirst().orElse(message);
    return m.replaceFirst("^Cannot parse '.*?': ", "");
  }

  private final class Parser extends MultiFieldQueryParser {
    private final IndexReader reader;

    Parser(IndexReader reader) {
      super(
          new String[] {IndexField.RATIONALE.fieldName(), IndexField.ITEM.fieldName()},
          QuerySyntax.this.perFieldAnalyzer);
      this.reader = reader;
      setDefaultOperator(QueryParser.Operator.AND);
      setAllowLeadingWildcard(false);
      setSplitOnWhitespace(false);
      setAutoGenerateMultiTermSynonymsPhraseQuery(true);
      setFuzzyMinSim(2);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      if (field == null) {
        return super.getFieldQuery(null, text, quoted);
      }
      String name = field.toLowerCase(Locale.ROOT);
      if (KEYWORD_FIELDS.containsKey(name)) {
        return new TermQuery(
            new Term(
                KEYWORD_FIELDS.get(name).fieldName(),
                keywordValue(KEYWORD_FIELDS.get(name), text)));
      }
      if (name.equals(DATE_FIELD)) {
        // date:2016 is the whole year, date:2016-03-01 one day.
        String last = text.strip().matches("\\d{4}") ? text.strip() + "-12-31" : text;
        return getRangeQuery(field, text, last, true, true);
      }
      if (name.equals(WHOLE_LETTER)) {
        return wholeLetter(f -> super.getFieldQuery(f, text, quoted));
      }
      return wrap(name, super.getFieldQuery(indexField(name), text, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      if (field == null) {
        return super.getFieldQuery(null, text, slop);
      }
      String name = field.toLowerCase(Locale.ROOT);
      if (KEYWORD_FIELDS.containsKey(name) || name.equals(DATE_FIELD)) {
        return getFieldQuery(field, text, true);
      }
      if (name.equals(WHOLE_LETTER)) {
        return wholeLetter(f -> super.getFieldQuery(f, text, slop));
      }
      return wrap(name, super.getFieldQuery(indexField(name), text, slop));
    }

    @Override
    protected Query getRangeQuery(
        String field, String low, String high, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      if (field == null || !field.equalsIgnoreCase(DATE_FIELD)) {
        throw new ParseException(
            "ranges are supported on date: only, e.g. date:[2016-01-01 TO 2016-12-31]");
      }
      long from =
          low == null || low.equals("*") ? Long.MIN_VALUE : day(low) + (startInclusive ? 0 : 1);
      long to =
          high == null || high.equals("*") ? Long.MAX_VALUE : day(high) - (endInclusive ? 0 : 1);
      return LongField.newRangeQuery(IndexField.DECISION_DATE.fieldName(), from, to);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      checkPrefix(termStr);
      return multiTerm(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      checkPrefix(termStr + "*");
      return multiTerm(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      if (termStr.length() < MIN_WILDCARD_PREFIX + 1) {
        throw new ParseException(
            "fuzzy terms need at least " + (MIN_WILDCARD_PREFIX + 1) + " letters");
      }
      return multiTerm(field, f -> super.getFuzzyQuery(f, termStr, Math.min(minSimilarity, 2)));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException("regular expressions are not supported; use prefix* or \"phrases\"");
    }

    private interface Build {
      Query on(String field) throws ParseException;
    }

    private Query multiTerm(String field, Build build) throws ParseException {
      if (field == null) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String f : fields) {
          any.add(build.on(f), BooleanClause.Occur.SHOULD);
        }
        return any.build();
      }
      String name = field.toLowerCase(Locale.ROOT);
      if (KEYWORD_FIELDS.containsKey(name)) {
        throw new ParseException(
            "wildcards and fuzzy terms work on text fields, not on " + name + ":");
      }
      if (name.equals(WHOLE_LETTER)) {
        return wholeLetter(build);
      }
      return wrap(name, build.on(indexField(name)));
    }

    private void checkPrefix(String term) throws ParseException {
      int first =
          Math.min(
              term.indexOf('*') < 0 ? term.length() : term.indexOf('*'),
              term.indexOf('?') < 0 ? term.length() : term.indexOf('?'));
      if (first < MIN_WILDCARD_PREFIX) {
        throw new ParseException(
            "a wildcard needs at least "
                + MIN_WILDCARD_PREFIX
                + " letters before it: '"
                + term
                + "'");
      }
    }

    private String indexField(String name) throws ParseException {
      IndexField f =
          TEXT_FIELDS.containsKey(name) ? TEXT_FIELDS.get(name) : LETTER_FIELDS.get(name);
      if (f == null) {
        throw new ParseException(
            "unknown field '" + name + ":'; fields are " + new TreeSet<>(allFieldNames()));
      }
      return f.fieldName();
    }

    /**
     * The decisions of every letter that matches anywhere: in its summary or in any of its
     * decisions' items, rationales and guidelines (joined up to the letter). The whole letter is
     * not indexed a second time: these parts cover all of it but the header and boilerplate.
     */
    private Query wholeLetter(Build build) throws ParseException {
      BooleanQuery inDecisions = anyOf(DECISION_PROSE, build);
      Query inSummary = build.on(IndexField.CASE_SUMMARY.fieldName());
      if (inDecisions.clauses().isEmpty() && inSummary == null) {
        return null; // only stop words
      }
      BooleanQuery.Builder inLetter =
          new BooleanQuery.Builder()
              .add(
                  new ToParentBlockJoinQuery(inDecisions, letters, ScoreMode.Max),
                  BooleanClause.Occur.SHOULD);
      if (inSummary != null) {
        inLetter.add(inSummary, BooleanClause.Occur.SHOULD);
      }
      return new ToChildBlockJoinQuery(inLetter.build(), letters);
    }

    /** The query built on each of {@code fields}, any of them matching. */
    private BooleanQuery anyOf(List<IndexField> fields, Build build) throws ParseException {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (IndexField f : fields) {
        Query q = build.on(f.fieldName());
        if (q != null) {
          any.add(q, BooleanClause.Occur.SHOULD);
        }
      }
      return any.build();
    }

    /** Letter-level text finds the letter; the join turns it into the letter's decisions. */
    private Query wrap(String name, Query query) {
      if (query == null || !LETTER_FIELDS.containsKey(name)) {
        return query;
      }
      return new ToChildBlockJoinQuery(query, letters);
    }

    private String keywordValue(IndexField field, String text) {
      // Identifiers have one term per letter, far too many to scan for a match ignoring case.
      if (field == IndexField.CASE_NUMBER) {
        return text.strip().toUpperCase(Locale.ROOT);
      }
      if (field == IndexField.LETTER_ID) {
        return text.strip(); // case numbers or "sha-" content hashes, exactly as stored
      }
      // Facet values are stored as written ("Family Practice"): match them ignoring case.
      try {
        Terms terms = MultiTerms.getTerms(reader, field.fieldName());
        if (terms != null) {
          TermsEnum it = terms.iterator();
          for (BytesRef t = it.next(); t != null; t = it.next()) {
            if (t.utf8ToString().equalsIgnoreCase(text.strip())) {
              return t.utf8ToString();
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return text.strip();
    }
  }

  private static Set<String> allFieldNames() {
    Set<String> names = new HashSet<>(TEXT_FIELDS.keySet());
    names.addAll(LETTER_FIELDS.keySet());
    names.add(WHOLE_LETTER);
    names.addAll(KEYWORD_FIELDS.keySet());
    names.add(DATE_FIELD);
    names.remove("letter_id");
    return names;
  }

  private static long day(String text) throws ParseException {
    try {
      String t = text.strip();
      if (t.matches("\\d{4}")) {
        return LocalDate.of(Integer.parseInt(t), 1, 1).toEpochDay();
      }
      return LocalDate.parse(t).toEpochDay();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ParseException("dates are written YYYY-MM-DD, not '" + text + "'");
    }
  }
}
