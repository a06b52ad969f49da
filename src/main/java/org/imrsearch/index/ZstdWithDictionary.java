package org.imrsearch.index;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictContentType;
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
 * mode so that reading one document decompresses only a part of its chunk: the chunk's first
 * bytes are its dictionary, compressed alone; the rest is cut into sub-blocks, each compressed
 * with the dictionary preset. A chunk starts with the dictionary's and a sub-block's length; every
 * part is then written as its compressed length and its bytes. {@link LetterCodec} has the figures
 * against DEFLATE.
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
    /** Made on first use: Lucene does not close the compressor of a writer that failed to open. */
    private ZstdCompressCtx plain;
    private ZstdCompressCtx withDictionary;
    private byte[] input = new byte[0];
    private byte[] output = new byte[0];

    @Override
    public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
      if (withDictionary == null) {
        plain = new ZstdCompressCtx().setLevel(level);
        withDictionary = new ZstdCompressCtx().setLevel(level);
      }
      int length = Math.toIntExact(in.length() - in.position());
      input = ArrayUtil.growNoCopy(input, length);
      in.readBytes(input, 0, length);
      int dictionaryLength = length / (subBlocks * dictionaryFraction);
      int blockLength = (length - dictionaryLength + subBlocks - 1) / subBlocks;
      out.writeVInt(dictionaryLength);
      out.writeVInt(blockLength);
      try {
        compress(plain, 0, dictionaryLength, out);
        // The dictionary stays loaded for every call until the next is loaded.
        withDictionary.loadDict(Arrays.copyOf(input, dictionaryLength), ZstdDictContentType.RAW_CONTENT);
        for (int start = dictionaryLength; start < length; start += blockLength) {
          compress(withDictionary, start, Math.min(blockLength, length - start), out);
        }
      } catch (ZstdException e) {
        throw new IOException("Zstandard could not compress a stored-fields chunk: " + e.getMessage(), e);
      }
    }

    private void compress(ZstdCompressCtx context, int offset, int length, DataOutput out) throws IOException {
      if (length == 0) {
        out.writeVInt(0);
        return;
      }
      output = ArrayUtil.growNoCopy(output, Math.toIntExact(Zstd.compressBound(length)));
      int written = context.compressByteArray(output, 0, output.length, input, offset, length);
      out.writeVInt(written);
      out.writeBytes(output, written);
    }

    @Override
    public void close() {
      if (plain != null) {
        plain.close();
      }
      if (withDictionary != null) {
        withDictionary.close();
      }
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
        context.loadDict(Arrays.copyOf(bytes.bytes, dictionaryLength), ZstdDictContentType.RAW_CONTENT);
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
      } catch (ZstdException e) {
        throw new CorruptIndexException("stored-fields chunk: " + e.getMessage(), in, e);
      }
      bytes.offset = offsetInBytes;
      bytes.length = length;
    }

    private void decompress(DataInput in, ZstdDecompressCtx context, BytesRef bytes, int expected)
        throws IOException {
      int compressedLength = in.readVInt();
      int written = 0;
      if (compressedLength > 0) {
        compressed = ArrayUtil.growNoCopy(compressed, compressedLength);
        in.readBytes(compressed, 0, compressedLength);
        written = context.decompressByteArray(bytes.bytes, bytes.length, expected, compressed, 0, compressedLength);
      }
      if (written != expected) {
        throw new CorruptIndexException("a stored-fields part decompressed to " + written + " bytes, expected " + expected, in);
      }
      bytes.length += written;
    }

    @Override
    public Decompressor clone() {
      return new ZstdDecompressor();
    }
  }
}
