package org.imrsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.extract.LetterExtractor;
import org.imrsearch.extract.NotALetterException;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a large ingest: the index still opens clean, holds whole letters only
 * (each with all its decisions: a letter's block is atomic), and running the ingest again completes
 * it with every letter exactly once.
 */
class CrashSafetyTest {
  private static final int LETTERS = 1500;
  private static final int COMMIT_EVERY = 100;
  private static final List<Integer> REAL_DECISIONS = new ArrayList<>();

  @Test
  void aKilledIngestLeavesTheLastCommitAndARerunCompletesWithoutDuplicates(@TempDir Path dir)
      throws Exception {
    List<String> ids = writeLetters(dir.resolve("letters"));
    Path index = dir.resolve("index");
    Process ingest =
        new ProcessBuilder(
                javaCommand(
                    "ingest",
                    dir.resolve("letters").toString(),
                    "--index",
                    index.toString(),
                    "--quiet",
                    "--commit-every",
                    Integer.toString(COMMIT_EVERY),
                    "--commit-seconds",
                    "3600"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("ingest.log").toFile())
            .start();
    try {
      awaitCommits(index, 3, ingest);
    } finally {
      ingest.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
      ingest.waitFor();
    }

    try (Directory directory = FSDirectory.open(index)) {
      try (CheckIndex check = new CheckIndex(directory)) {
        assertTrue(check.checkIndex().clean, "the index must not be corrupt");
      }
      List<String> committed = letterIds(directory);
      assertTrue(
          committed.size() >= COMMIT_EVERY && committed.size() < LETTERS,
          "killed mid-way: " + committed.size());
      assertTrue(new HashSet<>(ids).containsAll(committed));
      assertWholeLetters(directory);
    }

    TestIndex.build(index, List.of(dir.resolve("letters")));
    try (Directory directory = FSDirectory.open(index)) {
      List<String> all = letterIds(directory);
      assertEquals(LETTERS, all.size());
      assertEquals(new HashSet<>(ids), new HashSet<>(all), "every letter once");
    }
  }

  /** Copies of real letters under new case numbers, named so that input order is id order. */
  private static List<String> writeLetters(Path dir) throws IOException, UnreadableFileException {
    Files.createDirectories(dir);
    LetterFileReader reader = new LetterFileReader();
    List<String> texts = new ArrayList<>();
    List<String> originals = new ArrayList<>();
    var extractor = new LetterExtractor(TestLetters.vocabulary());
    for (Path pdf : TestLetters.realPdfs().subList(0, 20)) {
      texts.add(reader.read(pdf));
      try {
        REAL_DECISIONS.add(extractor.extract(pdf.toString(), texts.getLast()).decisions().size());
      } catch (NotALetterException e) {
        throw new AssertionError(e);
      }
      originals.add(pdf.getFileName().toString().replace(".pdf", ""));
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < LETTERS; i++) {
      String id = String.format(Locale.ROOT, "CM99-%07d", i);
      String text = texts.get(i % texts.size()).replace(originals.get(i % texts.size()), id);
      Files.writeString(dir.resolve(String.format(Locale.ROOT, "letter-%05d.txt", i)), text);
      ids.add(id);
    }
    return ids;
  }

  private static List<String> javaCommand(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.imrsearch.cli.Main"));
    command.addAll(List.of(args));
    return command;
  }

  private static void awaitCommits(Path index, int commits, Process ingest)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (!ingest.isAlive()) {
        throw new AssertionError("the ingest ended before it could be killed; see ingest.log");
      }
      if (Files.isDirectory(index)) {
        try (Directory directory = FSDirectory.open(index)) {
          if (DirectoryReader.indexExists(directory)
              && DirectoryReader.listCommits(directory).getLast().getGeneration() >= commits) {
            return;
          }
        } catch (IOException e) {
          // a commit in progress: look again
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + commits + " commits within 2 minutes");
  }

  /** Every letter in the index has as many decision documents as the extractor finds in it. */
  private static void assertWholeLetters(Directory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery decisions =
          new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_DECISION));
      Map<String, Integer> perLetter = new HashMap<>();
      for (ScoreDoc sd : searcher.search(decisions, Math.max(1, reader.maxDoc())).scoreDocs) {
        perLetter.merge(
            searcher.storedFields().document(sd.doc).get(IndexField.LETTER_ID.fieldName()),
            1,
            Integer::sum);
      }
      for (String id : letterIds(directory)) {
        // The copies cycle through 20 real letters: letter i is a copy of real letter i % 20.
        int i = Integer.parseInt(id.substring(5));
        assertEquals(
            REAL_DECISIONS.get(i % REAL_DECISIONS.size()), perLetter.getOrDefault(id, 0), id);
      }
    }
  }

  private static List<String> letterIds(Directory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery letters =
          new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER));
      List<String> ids = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(letters, Math.max(1, reader.maxDoc())).scoreDocs) {
        ids.add(searcher.storedFields().document(sd.doc).get(IndexField.LETTER_ID.fieldName()));
      }
      Set<String> distinct = new HashSet<>(ids);
      assertEquals(ids.size(), distinct.size(), "no letter twice");
      return ids;
    }
  }
}
