package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.Analyzers;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.LetterDocuments;
import org.imrsearch.index.LetterIndexWriter;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Json;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests the 144 real letters plus broken files, then reads the index back: what went in is
 * exactly what the extractor found, and broken files cost nothing but themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestTest {
  private Path index;
  private IngestReport report;
  private final List<Letter> letters = new ArrayList<>();

  @BeforeAll
  void ingestRealLettersAndBrokenFiles(@TempDir Path dir) throws IOException, InterruptedException {
    index = dir.resolve("index");
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.write(broken.resolve("empty.pdf"), new byte[0]);
    Files.write(broken.resolve("noise.pdf"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.writeString(broken.resolve("notes.txt"), "Shopping list: eggs, milk.\n");
    List<Path> inputs = List.of(TestLetters.REAL_PDFS, broken);
    report = ingest(inputs);
    TestLetters.pipeline().run(TestLetters.realPdfs(), e -> letters.add(e.letter()));
  }

  private IngestReport ingest(List<Path> inputs) throws IOException, InterruptedException {
    ConfigSource config = ConfigSource.bundled();
    try (Analyzers analyzers = Analyzers.load(config);
        LetterIndexWriter writer = LetterIndexWriter.open(index, analyzers, Json.newMapper())) {
      return new Ingester(TestLetters.pipeline(), writer, 50, Duration.ofMinutes(1))
          .ingest(inputs, Ingester.Progress.NONE);
    }
  }

  @Test
  void recordsEachLettersFileWithTheInputItWasFoundUnderItsSizeAndSha256() throws IOException {
    Path file = TestLetters.REAL_PDFS.resolve("CM16-0213037.pdf");
    byte[] bytes = Files.readAllBytes(file);
    try (TestIndex.Opened opened = TestIndex.open(index)) {
      Document letter = letterDocument(opened, "CM16-0213037");
      assertEquals(
          file.toAbsolutePath().normalize().toString(),
          letter.get(IndexField.SOURCE_PATH.fieldName()));
      assertEquals(
          TestLetters.REAL_PDFS.toAbsolutePath().normalize().toString(),
          letter.get(IndexField.SOURCE_ROOT.fieldName()));
      assertEquals(
          bytes.length,
          letter.getField(IndexField.SOURCE_BYTES.fieldName()).numericValue().longValue());
      assertEquals(SourceFile.sha256(bytes), letter.get(IndexField.SOURCE_SHA256.fieldName()));
    }
  }

  @Test
  void aFileGivenAloneIsItsOwnRoot(@TempDir Path dir) throws IOException, InterruptedException {
    Path file = TestLetters.SEED_LETTERS.resolve("seed-2.txt");
    TestIndex.build(dir.resolve("index"), List.of(file));
    try (TestIndex.Opened opened = TestIndex.open(dir.resolve("index"))) {
      Document letter =
          opened
              .searcher()
              .storedFields()
              .document(
                  opened
                      .searcher()
                      .search(
                          new TermQuery(
                              new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER)),
                          1)
                      .scoreDocs[0]
                      .doc);
      String path = file.toAbsolutePath().normalize().toString();
      assertEquals(path, letter.get(IndexField.SOURCE_PATH.fieldName()));
      assertEquals(path, letter.get(IndexField.SOURCE_ROOT.fieldName()));
    }
  }

  private static Document letterDocument(TestIndex.Opened opened, String id) throws IOException {
    BooleanQuery query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexField.LETTER_ID.fieldName(), id)), Occur.FILTER)
            .add(
                new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER)),
                Occur.FILTER)
            .build();
    return opened
        .searcher()
        .storedFields()
        .document(opened.searcher().search(query, 1).scoreDocs[0].doc);
  }

  @Test
  void indexesEveryGoodLetterAndReportsEachBrokenFile() {
    assertEquals(147, report.files());
    assertEquals(144, report.letters());
    assertEquals(339, report.decisions());
    assertEquals(
        Map.of(
            "empty.pdf", "empty file",
            "notes.txt", "not an IMR determination letter (no known layout's headings found)"),
        report.failed().stream()
            .filter(f -> !f.source().endsWith("noise.pdf"))
            .collect(
                Collectors.toMap(
                    f -> Path.of(f.source()).getFileName().toString(), f -> f.error())));
    assertTrue(
        report.failed().stream()
            .anyMatch(
                f ->
                    f.source().endsWith("noise.pdf")
                        && f.error().startsWith("not a readable PDF")));
  }

  @Test
  void outcomeFacetCountsEqualTheExtractedDecisions() throws IOException {
    Map<String, Integer> expected = new TreeMap<>();
    letters.forEach(
        l -> l.decisions().forEach(d -> expected.merge(d.outcome().label(), 1, Integer::sum)));
    assertEquals(expected, facetCounts(IndexField.OUTCOME));
  }

  @Test
  void specialtyFacetCountsEqualTheExtractedDecisions() throws IOException {
    Map<String, Integer> expected = new TreeMap<>();
    for (Letter l : letters) {
      for (String s : l.reviewer().specialties()) {
        expected.merge(s, l.decisions().size(), Integer::sum);
      }
    }
    assertEquals(expected, facetCounts(IndexField.SPECIALTY));
  }

  @Test
  void guidelineFacetCountsEqualTheExtractedDecisions() throws IOException {
    Map<String, Integer> expected = new TreeMap<>();
    letters.forEach(
        l ->
            l.decisions().stream()
                .map(Decision::reviewerGuideline)
                .forEach(
                    g ->
                        (g.sources().isEmpty() ? List.of(LetterDocuments.NONE_CITED) : g.sources())
                            .forEach(s -> expected.merge(s, 1, Integer::sum))));
    assertEquals(expected, facetCounts(IndexField.GUIDELINE));
  }

  @Test
  void reIngestingTheSameLettersReplacesThemWithoutDuplicates()
      throws IOException, InterruptedException {
    int before = decisionCount();
    IngestReport again =
        ingest(
            List.of(
                TestLetters.REAL_PDFS.resolve("CM16-0213037.pdf"),
                TestLetters.REAL_PDFS.resolve("CM17-0014449.pdf")));
    assertEquals(2, again.letters());
    assertEquals(before, decisionCount());
  }

  @Test
  void commitsAsItGoesAndTheLastCommitHoldsEveryLetter(@TempDir Path dir)
      throws IOException, InterruptedException {
    List<Integer> commits = new ArrayList<>();
    Ingester.Progress progress =
        new Ingester.Progress() {
          @Override
          public void update(int done, int total, int letters, int failed) {}

          @Override
          public void committed(int letters) {
            commits.add(letters);
          }
        };
    // Letters that take a few milliseconds each, as PDFs do: with the test's cached texts the
    // whole run would fit in the time of one commit.
    ExtractionPipeline cached = TestLetters.pipeline();
    ExtractionPipeline paced =
        new ExtractionPipeline(
            file -> {
              LockSupport.parkNanos(5_000_000);
              return cached.extract(file);
            },
            2,
            ExtractionPipeline.DEFAULT_LETTER_LIMIT);
    IngestReport run;
    try (Analyzers analyzers = Analyzers.load(ConfigSource.bundled());
        LetterIndexWriter writer = LetterIndexWriter.open(dir, analyzers, Json.newMapper())) {
      run =
          new Ingester(paced, writer, 20, Duration.ofMinutes(1))
              .ingest(TestLetters.realPdfs(), progress);
    }
    assertTrue(commits.size() > 2, "commits on the way, not only at the end: " + commits);
    for (int i = 1; i < commits.size(); i++) {
      assertTrue(
          commits.get(i) >= commits.get(i - 1),
          "a commit never holds fewer letters than the one before: " + commits);
    }
    assertEquals(144, run.letters());
    assertEquals(144, commits.get(commits.size() - 1));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      assertEquals(
          144,
          new IndexSearcher(reader)
              .count(new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER))));
    }
  }

  private int decisionCount() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      return new IndexSearcher(reader)
          .count(new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_DECISION)));
    }
  }

  private Map<String, Integer> facetCounts(IndexField field) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      FacetsConfig config = Schema.facetsConfig();
      FacetsCollector fc =
          searcher.search(
              new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_DECISION)),
              new FacetsCollectorManager());
      var counts =
          new SortedSetDocValuesFacetCounts(
              new DefaultSortedSetDocValuesReaderState(reader, config), fc);
      FacetResult result = counts.getTopChildren(1000, field.fieldName());
      Map<String, Integer> out = new TreeMap<>();
      for (LabelAndValue lv : result.labelValues) {
        out.put(lv.label, lv.value.intValue());
      }
      return out;
    }
  }
}
