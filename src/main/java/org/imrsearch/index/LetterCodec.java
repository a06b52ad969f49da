package org.imrsearch.index;

import com.github.luben.zstd.util.Native;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The index's codec: Lucene's, except that stored fields are compressed with Zstandard instead of
 * DEFLATE. Letters are mostly prose stored for display: the stored fields are 2.1 times the raw
 * text before compression and 40% of the index after it. Writing only the index (letters already
 * extracted, 2 threads), Zstandard at level 3 took the CPU from 280-310 to 206-223 microseconds a
 * letter, made the index 4% smaller and reading a document 10% faster; the whole 1M-letter ingest
 * went from 356 s to 319-330 s in five runs (docs/benchmarks.md).
 *
 * <p>Readers find the codec by its name through Java's service loader ({@code
 * META-INF/services/org.apache.lucene.codecs.Codec}), so it needs a public no-argument constructor
 * and a name that never changes meaning.
 */
public final class LetterCodec extends FilterCodec {
  public static final String NAME = "ImrLetters104";

  /** Chunks, documents a chunk and index blocks as in Lucene's best-compression mode. */
  private static final int CHUNK_BYTES = 10 * 48 * 1024;

  private static final int MAX_DOCS_PER_CHUNK = 4096;
  private static final int INDEX_BLOCK_SHIFT = 10;

  /** Zstandard's default level: levels 1 and 2 were no faster here, and larger. */
  private static final int ZSTD_LEVEL = 3;

  /** Reading one document decompresses the dictionary and about a tenth of its chunk. */
  private static final int SUB_BLOCKS = 10;

  /**
   * A 24 KB dictionary, half a sub-block: with Lucene's sixth the index was 6% larger and reads 14%
   * faster; with a whole sub-block, 3% smaller and reads 15% slower.
   */
  private static final int DICTIONARY_FRACTION = 2;

  /**
   * One instance for every codec of the default settings: a merge copies a segment's compressed
   * chunks as they are only when they were written by the very compression object it writes with
   * (Lucene compares them by identity), also across writer sessions.
   */
  private static final StoredFieldsFormat STORED_FIELDS =
      storedFields(ZSTD_LEVEL, CHUNK_BYTES, SUB_BLOCKS, DICTIONARY_FRACTION);

  private final StoredFieldsFormat storedFields;

  public LetterCodec() {
    this(STORED_FIELDS);
  }

  /**
   * A codec that writes chunks of another layout (tests use small ones). Reading needs none of
   * these settings: each chunk records its dictionary and sub-block lengths.
   */
  LetterCodec(int level, int chunkBytes, int subBlocks, int dictionaryFraction) {
    this(storedFields(level, chunkBytes, subBlocks, dictionaryFraction));
  }

  private LetterCodec(StoredFieldsFormat storedFields) {
    super(NAME, new Lucene104Codec()); // its mode chooses only the stored fields, replaced here
    this.storedFields = storedFields;
  }

  private static StoredFieldsFormat storedFields(
      int level, int chunkBytes, int subBlocks, int dictionaryFraction) {
    return new Lucene90CompressingStoredFieldsFormat(
        "ImrStoredFieldsZstd",
        new ZstdWithDictionary(level, subBlocks, dictionaryFraction),
        chunkBytes,
        MAX_DOCS_PER_CHUNK,
        INDEX_BLOCK_SHIFT);
  }

  /**
   * Loads Zstandard's native library now, so that a machine where it cannot load is told why before
   * an index is opened, not by a linkage error in the middle of a flush or a search.
   */
  public static void requireNativeLibrary() {
    try {
      Native.load();
    } catch (LinkageError | RuntimeException e) {
      throw new IllegalStateException(
          "Zstandard's native library (zstd-jni), which the index's stored fields need, "
              + "does not load on "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ": "
              + e.getMessage()
              + ". It is unpacked into java.io.tmpdir ("
              + System.getProperty("java.io.tmpdir")
              + "), which must allow running files; IMR_JAVA_OPTS=-Djava.io.tmpdir=DIR chooses"
              + " another.",
          e);
    }
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
