package org.imrsearch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Any slice of a compressed chunk decompresses to the same bytes: at the edges of the dictionary
 * and of every sub-block, empty, whole, and into a buffer that still holds an earlier read.
 */
class ZstdWithDictionaryTest {
  private static final int SUB_BLOCKS = 4;
  private static final int DICTIONARY_FRACTION = 2;
  private static final ZstdWithDictionary MODE =
      new ZstdWithDictionary(3, SUB_BLOCKS, DICTIONARY_FRACTION);

  @Test
  void everySliceAtEveryPartEdgeDecompressesToTheSameBytes() throws IOException {
    Random random = new Random(3);
    for (int length : new int[] {1, 7, 8, 9, 100, 4_095, 4_096, 50_001}) {
      byte[] chunk = chunk(random, length);
      byte[] compressed = compress(chunk);
      Decompressor decompressor = MODE.newDecompressor();
      BytesRef reused = new BytesRef();
      for (int offset : edges(length)) {
        for (int end : edges(length)) {
          if (end < offset) {
            continue;
          }
          byte[] expected = Arrays.copyOfRange(chunk, offset, end);
          assertArrayEquals(
              expected,
              decompress(decompressor, compressed, length, offset, end - offset, new BytesRef()),
              "fresh buffer, chunk of " + length + ", bytes " + offset + "-" + end);
          assertArrayEquals(
              expected,
              decompress(decompressor, compressed, length, offset, end - offset, reused),
              "reused buffer, chunk of " + length + ", bytes " + offset + "-" + end);
        }
      }
    }
  }

  /**
   * One decompressor reading a chunk from a file, as Lucene's reader does: it keeps the parts it
   * read and serves later slices from them, and leaves the file after the chunk when it was read
   * whole. A chunk at the same position of another file is another chunk.
   */
  @Test
  void slicesReadFromAFileAgainComeFromTheKeptPartsUnchanged() throws IOException {
    Random random = new Random(4);
    int length = 50_001;
    byte[] chunk = chunk(random, length);
    byte[] compressed = compress(chunk);
    IndexInput file = file(compressed);
    Decompressor decompressor = MODE.newDecompressor();
    for (int pass = 0; pass < 2; pass++) {
      for (int offset : edges(length)) {
        for (int end : edges(length)) {
          if (end < offset) {
            continue;
          }
          file.seek(0);
          BytesRef bytes = new BytesRef();
          decompressor.decompress(file, length, offset, end - offset, bytes);
          assertArrayEquals(
              Arrays.copyOfRange(chunk, offset, end),
              Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length),
              "pass " + pass + ", bytes " + offset + "-" + end);
          if (offset == 0 && end == length) {
            assertEquals(
                compressed.length, file.getFilePointer(), "a whole chunk leaves the file after it");
          }
        }
      }
    }
    byte[] other = chunk(random, length);
    BytesRef bytes = new BytesRef();
    decompressor.decompress(file(compress(other)), length, 0, length, bytes);
    assertArrayEquals(
        other, Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
  }

  @Test
  void aDamagedPartIsACorruptIndexNotWrongBytes() throws IOException {
    // A 10-byte chunk with no dictionary and one sub-block, whose part is empty or not Zstandard.
    for (byte[] part : new byte[][] {{}, {1, 2, 3, 4, 5}}) {
      ByteBuffersDataOutput chunk = new ByteBuffersDataOutput();
      chunk.writeVInt(0); // dictionary length
      chunk.writeVInt(10); // sub-block length
      chunk.writeVInt(0); // the empty dictionary
      chunk.writeVInt(part.length);
      chunk.writeBytes(part);
      assertThrows(
          CorruptIndexException.class,
          () -> decompress(MODE.newDecompressor(), chunk.toArrayCopy(), 10, 0, 10, new BytesRef()));
    }
  }

  /** Half letter-like text, half random bytes, so that the parts compress to different lengths. */
  private static byte[] chunk(Random random, int length) {
    byte[] words =
        "Upheld. The request for physical therapy is not medically necessary. ".getBytes();
    byte[] chunk = new byte[length];
    for (int i = 0; i < length; i++) {
      chunk[i] = (i / 997) % 2 == 0 ? words[i % words.length] : (byte) random.nextInt();
    }
    return chunk;
  }

  /** Offsets at, before and after each edge of the dictionary and the sub-blocks, and the ends. */
  private static TreeSet<Integer> edges(int length) {
    int dictionary = length / (SUB_BLOCKS * DICTIONARY_FRACTION);
    int block = (length - dictionary + SUB_BLOCKS - 1) / SUB_BLOCKS;
    TreeSet<Integer> edges = new TreeSet<>(List.of(0, 1, length - 1, length));
    for (int edge = dictionary; edge <= length; edge += Math.max(block, 1)) {
      for (int near = edge - 1; near <= edge + 1; near++) {
        if (near >= 0 && near <= length) {
          edges.add(near);
        }
      }
    }
    return edges;
  }

  private static IndexInput file(byte[] bytes) {
    return new ByteBuffersIndexInput(
        new ByteBuffersDataInput(List.of(ByteBuffer.wrap(bytes))), "chunk");
  }

  private static byte[] compress(byte[] chunk) throws IOException {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try (Compressor compressor = MODE.newCompressor()) {
      compressor.compress(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(chunk))), out);
    }
    return out.toArrayCopy();
  }

  private static byte[] decompress(
      Decompressor decompressor,
      byte[] compressed,
      int originalLength,
      int offset,
      int length,
      BytesRef into)
      throws IOException {
    decompressor.decompress(
        new ByteArrayDataInput(compressed), originalLength, offset, length, into);
    assertEquals(length, into.length);
    return Arrays.copyOfRange(into.bytes, into.offset, into.offset + into.length);
  }
}
