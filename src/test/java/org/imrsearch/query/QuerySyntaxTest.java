package org.imrsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.Analyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each piece of the query language becomes, and how each limit is refused: with a message that
 * names the limit. Parsed against an empty index with the bundled analyzers and synonyms.
 */
class QuerySyntaxTest {
  static Analyzers analyzers;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static QuerySyntax syntax;

  @BeforeAll
  static void open() throws IOException {
    ByteBuffersDirectory empty = new ByteBuffersDirectory();
    new IndexWriter(empty, new IndexWriterConfig()).close();
    reader = DirectoryReader.open(empty);
    searcher = new IndexSearcher(reader);
    analyzers = Analyzers.load(ConfigSource.bundled());
    syntax = new QuerySyntax(analyzers.query());
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    analyzers.close();
  }

  private static String parsed(String query) {
    return syntax.parse(query, searcher).toString();
  }

  private static String refused(String query) {
    return assertThrows(BadRequestException.class, () -> syntax.parse(query, searcher))
        .getMessage();
  }

  @Test
  void wordsMustAllMatchInTheRationaleOrTheItem() {
    assertEquals("+(rationale:knee item:knee) +(rationale:pain item:pain)", parsed("knee pain"));
    assertEquals("(rationale:knee item:knee) (rationale:hip item:hip)", parsed("knee OR hip"));
    assertEquals("+(rationale:knee item:knee) -(rationale:hip item:hip)", parsed("knee -hip"));
    assertEquals(
        "+((rationale:knee item:knee) (rationale:hip item:hip)) +(rationale:pain item:pain)",
        parsed("(knee OR hip) AND pain"));
  }

  @Test
  void aPhraseMatchesItsWordsInOrderAndAProximityWithinTheSlop() {
    assertEquals("rationale:\"knee pain\" item:\"knee pain\"", parsed("\"knee pain\""));
    assertEquals("rationale:\"knee pain\"~3 item:\"knee pain\"~3", parsed("\"knee pain\"~3"));
  }

  @Test
  void aQuoteOrAParenthesisInsideAPhraseIsPartOfThePhrase() {
    assertEquals("rationale:\"knee left\" item:\"knee left\"", parsed("\"knee (left\""));
    assertEquals("rationale:\"knee left\" item:\"knee left\"", parsed("\"knee) left\""));
    assertEquals("rationale:\"knee left\" item:\"knee left\"", parsed("\"knee \\\"left\""));
    assertEquals(
        "+(rationale:\"knee left\" item:\"knee left\") +(rationale:pain item:pain)",
        parsed("(\"knee (left\" pain)"));
  }

  @Test
  void synonymsFromTheConfigurationWidenAWordOrAPhrase() {
    assertEquals(
        "(rationale:\"magnetic resonance imaging\" rationale:mri)"
            + " (item:\"magnetic resonance imaging\" item:mri)",
        parsed("mri"));
    assertEquals(
        "(rationale:hep rationale:\"home exercise program\")"
            + " (item:hep item:\"home exercise program\")",
        parsed("\"home exercise program\""));
  }

  @Test
  void fieldsNarrowWhereWordsAreLookedFor() {
    assertEquals("item:knee", parsed("item:knee"));
    assertEquals("rationale:\"knee pain\"", parsed("rationale:\"knee pain\""));
    assertEquals(
        "+ToChildBlockJoinQuery (case_summary:knee) #doc_type:decision", parsed("summary:knee"));
    assertEquals(
        "+ToChildBlockJoinQuery (ToParentBlockJoinQuery (rationale:knee item:knee"
            + " guideline_text:knee) case_summary:knee) #doc_type:decision",
        parsed("letter:knee"));
    assertEquals("+case_number:CM16-0213037 #doc_type:decision", parsed("case:cm16-0213037"));
    assertTrue(refused("colour:red").startsWith("cannot parse the query: unknown field 'colour:'"));
  }

  @Test
  void datesAreDaysOrWholeYearsOrRanges() {
    long day2016 = LocalDate.of(2016, 1, 1).toEpochDay();
    long last2016 = LocalDate.of(2016, 12, 31).toEpochDay();
    assertEquals(
        "+decision_date:[" + day2016 + " TO " + last2016 + "] #doc_type:decision",
        parsed("date:[2016-01-01 TO 2016-12-31]"));
    assertEquals(
        "+decision_date:[" + day2016 + " TO " + last2016 + "] #doc_type:decision",
        parsed("date:2016"));
    assertEquals(
        "+decision_date:[" + day2016 + " TO " + day2016 + "] #doc_type:decision",
        parsed("date:2016-01-01"));
    assertTrue(refused("date:yesterday").contains("dates are written YYYY-MM-DD"));
  }

  @Test
  void wildcardsAndFuzzyTermsExpandOnTextFields() {
    assertEquals("rationale:inj* item:inj*", parsed("inj*"));
    assertEquals("rationale:inj?ction item:inj?ction", parsed("inj?ction"));
    assertEquals("rationale:acupunture~1 item:acupunture~1", parsed("acupunture~1"));
    assertEquals(
        "rationale:acupunture~2 item:acupunture~2", parsed("acupunture~5"), "at most 2 edits");
    assertTrue(refused("specialty:fam*").contains("not on specialty:"));
    assertTrue(refused("item:/kn.e/").contains("regular expressions are not supported"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "in*          | a wildcard needs at least 3 letters before it",
        "*ection      | a wildcard needs at least 3 letters before it",
        "knee (*ache) | a wildcard needs at least 3 letters before it",
        "i?jection    | a wildcard needs at least 3 letters before it",
        "ab~          | fuzzy terms need at least 4 letters",
        "\"knee pain  | a phrase is missing its closing quote",
        "(knee pain   | parentheses do not match",
        "knee) (pain  | parentheses do not match",
      })
  void eachSyntaxLimitIsRefusedWithTheLimitNamed(String query, String message) {
    assertTrue(refused(query).contains(message), refused(query));
  }

  @Test
  void aQueryLongerThanTheLimitIsRefusedWithTheLimitNamed() {
    String message = refused("knee ".repeat(401));
    assertTrue(message.contains("2005 characters; the limit is 2000"), message);
  }

  @Test
  void aQueryWithMoreTermsThanTheLimitIsRefusedWithTheLimitNamed() {
    // Each word is a term of the rationale and one of the item.
    String many = IntStream.range(0, 129).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
    assertEquals("the query has 258 terms; the limit is 256", refused(many));
    parsed(many.substring(0, many.lastIndexOf(' '))); // 128 words, 256 terms: fine
  }

  @Test
  void parenthesesNestedDeeperThanTheLimitAreRefusedWithTheLimitNamed() {
    assertEquals(
        "the query nests parentheses 17 deep; the limit is 16",
        refused("(".repeat(17) + "knee" + ")".repeat(17)));
    assertEquals("rationale:knee item:knee", parsed("(".repeat(16) + "knee" + ")".repeat(16)));
  }
}
