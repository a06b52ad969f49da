package org.imrsearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imrsearch.ingest.LetterSink;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * Writes letters into an index directory. Each letter is one block (its decisions, then itself)
 * replaced as a whole by letter id, so re-ingesting a letter never duplicates it. Thread-safe; a
 * commit records the schema version and time.
 */
public final class LetterIndexWriter implements LetterSink {
  /**
   * Lucene's own codec, so the index opens in any Lucene application (Luke, CheckIndex). Stored
   * fields in its DEFLATE mode: LZ4 ({@code BEST_SPEED}) ingests faster but leaves the index over
   * its size budget against the raw text (docs/benchmarks.md).
   */
  private static final Lucene104Codec CODEC =
      new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION);

  /** Large enough that a 2-core ingest flushes rarely, small enough for a 2 GB heap. */
  private static final double RAM_BUFFER_MB = 256;

  private final Directory directory;
  private final IndexWriter writer;
  private final LetterDocuments documents;

  private LetterIndexWriter(Directory directory, IndexWriter writer, LetterDocuments documents) {
    this.directory = directory;
    this.writer = writer;
    this.documents = documents;
  }

  /** Opens (or creates) the index in {@code path}; refuses an index of another schema version. */
  public static LetterIndexWriter open(Path path, Analyzers analyzers, ObjectMapper mapper)
      throws IOException {
    Directory directory = FSDirectory.open(path);
    try {
      IndexVersion.require(directory, path);
      IndexWriterConfig config =
          new IndexWriterConfig(analyzers.index())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setRAMBufferSizeMB(RAM_BUFFER_MB)
              .setCodec(CODEC)
              .setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(directory, config);
      return new LetterIndexWriter(
          directory, writer, new LetterDocuments(Schema.facetsConfig(), mapper));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Adds the letter, or replaces it if a letter with its id is already in the index. */
  @Override
  public void put(Letter letter) throws IOException {
    put(letter, null);
  }

  /**
   * Adds the letter read from {@code file} (null: not read from a file, no original to serve), or
   * replaces it if a letter with its id is already in the index.
   */
  public void put(Letter letter, SourceFile file) throws IOException {
    writer.updateDocuments(
        new Term(IndexField.LETTER_ID.fieldName(), letter.id()), documents.block(letter, file));
  }

  /** Makes everything put so far durable and visible to new readers. */
  @Override
  public void commit() throws IOException {
    writer.setLiveCommitData(
        Map.of(
                Schema.COMMIT_SCHEMA_VERSION, Integer.toString(Schema.VERSION),
                Schema.COMMIT_TIME, Instant.now().toString())
            .entrySet());
    writer.commit();
  }

  /** Closes without committing: what was not committed is dropped, as after a crash. */
  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
  }
}
