package org.imrsearch.index;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Zstandard compression of a stored-fields chunk, laid out like Lucene's DEFLATE "best compression"
 * mode so that reading one document inflates only a part of its chunk: the chunk's first bytes
 * are its dictionary, compressed alone; the rest is cut into sub-blocks, each compressed with the
 * dictionary preset. Every part is written as its compressed length, then its bytes.
 *
 * <p>Zstandard at level 3 compresses the letters several times faster than DEFLATE at level 6
 * and into less space, and decompresses them faster (docs/benchmarks.md has the figures).
 */
final class ZstdWithDictionary extends CompressionMode {
  private final int level;
  private final int subBlocks;
  private final int dictionaryFraction;

  /**
   * @param subBlocks how many parts a chunk is cut into after its dictionary
   * @param dictionaryFraction the dictionary is this many times shorter than a sub-block
   */
  ZstdWithDictionary(int level, int subBlocks, int dictionaryFraction) {
    this.level = level;
    this.subBlocks = subBlocks;
    this.dictionaryFraction = dictionaryFraction;
  }

  @Override
  public Compressor newCompressor() {
    return new ZstdCompressor();
  }

  @Override
  public Decompressor newDecompressor() {
    return new ZstdDecompressor();
  }

  @Override
  public String toString() {
    return "Zstandard level " + level + ", " + subBlocks + " sub-blocks with a preset dictionary";
  }

  private final class ZstdCompressor extends Compressor {
    private final ZstdCompressCtx plain = new ZstdCompressCtx().setLevel(level);
    private final ZstdCompressCtx withDictionary = new ZstdCompressCtx().setLevel(level);
    private byte[] input = new byte[0];
    private byte[] output = new byte[0];

    @Override
    public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
      int length = Math.toIntExact(in.length());
      input = ArrayUtil.growNoCopy(input, length);
      in.readBytes(input, 0, length);
      int dictionaryLength = length / (subBlocks * dictionaryFraction);
      int blockLength = (length - dictionaryLength + subBlocks - 1) / subBlocks;
      out.writeVInt(dictionaryLength);
      out.writeVInt(blockLength);
      compress(plain, 0, dictionaryLength, out);
      withDictionary.loadDict(Arrays.copyOf(input, dictionaryLength));
      for (int start = dictionaryLength; start < length; start += blockLength) {
        compress(withDictionary, start, Math.min(blockLength, length - start), out);
      }
    }

    private void compress(ZstdCompressCtx context, int offset, int length, DataOutput out) throws IOException {
      if (length == 0) {
        out.writeVInt(0);
        return;
      }
      output = ArrayUtil.growNoCopy(output, Math.toIntExact(Zstd.compressBound(length)));
      int written;
      try {
        written = context.compressByteArray(output, 0, output.length, input, offset, length);
      } catch (ZstdException e) {
        throw new IOException("Zstandard could not compress a stored-fields chunk", e);
      }
      out.writeVInt(written);
      out.writeBytes(output, written);
    }

    @Override
    public void close() {
      plain.close();
      withDictionary.close();
    }
  }

  /**
   * Decompresses the parts of a chunk that hold the wanted bytes. Holds no native memory between
   * calls: Lucene clones decompressors freely and never closes them.
   */
  private static final class ZstdDecompressor extends Decompressor {
    private byte[] compressed = new byte[0];

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) {
        bytes.length = 0;
        return;
      }
      int dictionaryLength = in.readVInt();
      int blockLength = in.readVInt();
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, dictionaryLength);
      bytes.offset = bytes.length = 0;
      int offsetInBytes = offset;
      try (ZstdDecompressCtx context = new ZstdDecompressCtx()) {
        decompress(in, context, bytes, dictionaryLength);
        if (bytes.length != dictionaryLength) {
          throw new CorruptIndexException("stored-fields dictionary of " + bytes.length
              + " bytes, expected " + dictionaryLength, in);
        }
        context.loadDict(Arrays.copyOf(bytes.bytes, dictionaryLength));
        int blockStart = dictionaryLength;
        while (blockStart + blockLength <= offset) { // blocks wholly before the wanted bytes
          in.skipBytes(in.readVInt());
          blockStart += blockLength;
          offsetInBytes -= blockLength;
        }
        while (blockStart < offset + length) {
          int expected = Math.min(blockLength, originalLength - blockStart);
          bytes.bytes = ArrayUtil.grow(bytes.bytes, bytes.length + expected);
          decompress(in, context, bytes, expected);
          blockStart += blockLength;
        }
      }
      bytes.offset = offsetInBytes;
      bytes.length = length;
    }

    private void decompress(DataInput in, ZstdDecompressCtx context, BytesRef bytes, int expected)
        throws IOException {
      int compressedLength = in.readVInt();
      if (compressedLength == 0) {
        return;
      }
      compressed = ArrayUtil.growNoCopy(compressed, compressedLength);
      in.readBytes(compressed, 0, compressedLength);
      int written;
      try {
        written = context.decompressByteArray(bytes.bytes, bytes.length, expected, compressed, 0, compressedLength);
      } catch (ZstdException e) {
        throw new CorruptIndexException("stored-fields block: " + e.getMessage(), in, e);
      }
      if (written != expected) {
        throw new CorruptIndexException("stored-fields block of " + written + " bytes, expected " + expected, in);
      }
      bytes.length += written;
    }

    @Override
    public Decompressor clone() {
      return new ZstdDecompressor();
    }
  }
}
