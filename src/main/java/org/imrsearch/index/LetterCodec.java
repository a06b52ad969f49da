package org.imrsearch.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The index's codec: Lucene's, except that stored fields are compressed with Zstandard instead of
 * DEFLATE. Letters are mostly prose stored for display: the stored fields are 2.1 times the raw
 * text before compression and 40% of the index after it, and DEFLATE was about a fifth of the
 * indexing CPU. Zstandard at level 3 takes a quarter off the indexing CPU, makes the stored
 * fields a little smaller and reads them back faster (docs/benchmarks.md has the figures).
 *
 * <p>Readers find the codec by its name through Java's service loader
 * ({@code META-INF/services/org.apache.lucene.codecs.Codec}), so it needs a public no-argument
 * constructor and a name that never changes meaning.
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
   * A 24 KB dictionary, half a sub-block: with Lucene's sixth the index was 6% larger and reads
   * 14% faster; with a whole sub-block, 3% smaller and reads 15% slower.
   */
  private static final int DICTIONARY_FRACTION = 2;

  private final StoredFieldsFormat storedFields;

  public LetterCodec() {
    this(ZSTD_LEVEL, CHUNK_BYTES, SUB_BLOCKS, DICTIONARY_FRACTION);
  }

  /**
   * A codec that writes chunks of another layout (tests use small ones). Reading needs none of
   * these settings: each chunk records its dictionary and sub-block lengths.
   */
  LetterCodec(int level, int chunkBytes, int subBlocks, int dictionaryFraction) {
    super(NAME, new Lucene104Codec()); // its mode chooses only the stored fields, replaced here
    storedFields = new Lucene90CompressingStoredFieldsFormat("ImrStoredFieldsZstd",
        new ZstdWithDictionary(level, subBlocks, dictionaryFraction), chunkBytes, MAX_DOCS_PER_CHUNK, INDEX_BLOCK_SHIFT);
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
