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
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Zstandard compression of a stored-fields chunk, laid out like Lucene's DEFLATE "best compression"
 * mode so that reading one document decompresses only a part of its chunk: the chunk's first bytes
 * are its dictionary, compressed alone; the rest is cut into sub-blocks, each compressed with the
 * dictionary preset. A chunk starts with the dictionary's and a sub-block's length; every part is
 * then written as its compressed length and its bytes. {@link LetterCodec} has the figures against
 * DEFLATE.
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
        withDictionary.loadDict(
            Arrays.copyOf(input, dictionaryLength), ZstdDictContentType.RAW_CONTENT);
        for (int start = dictionaryLength; start < length; start += blockLength) {
          compress(withDictionary, start, Math.min(blockLength, length - start), out);
        }
      } catch (ZstdException e) {
        throw new IOException(
            "Zstandard could not compress a stored-fields chunk: " + e.getMessage(), e);
      }
    }

    private void compress(ZstdCompressCtx context, int offset, int length, DataOutput out)
        throws IOException {
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
   * Decompresses the parts of a chunk that hold the wanted bytes, and keeps them: documents read in
   * order mostly lie in the part read last, so an export or a merge decompresses each part once,
   * not once a document. The kept parts are those of one chunk of one file (its position in the
   * file, which never changes once written, names it) and live as long as this decompressor: Lucene
   * makes one for each {@code storedFields()} call. No native memory is held between calls.
   */
  private static final class ZstdDecompressor extends Decompressor {
    private byte[] compressed = new byte[0];

    /** The chunk's dictionary, then the decompressed sub-blocks from {@link #blocksFrom} on. */
    private byte[] parts = new byte[0];

    private DataInput chunkInput;
    private long chunkPointer = -1;

    /** Where the chunk's last part ends in the file, once it has been read; else -1. */
    private long chunkEnd = -1;

    private int chunkLength;

    /** The kept chunk's dictionary, as Zstandard loads it (also at the start of {@link #parts}). */
    private byte[] dictionary = new byte[0];

    /** The chunk offsets the kept sub-blocks cover: [blocksFrom, blocksTo). */
    private int blocksFrom;

    private int blocksTo;

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) {
        bytes.length = 0;
        return;
      }
      long pointer = in instanceof IndexInput input ? input.getFilePointer() : -1;
      boolean sameChunk =
          pointer >= 0
              && in == chunkInput
              && pointer == chunkPointer
              && originalLength == chunkLength;
      if (!sameChunk || !kept(offset, length)) {
        read(in, pointer, sameChunk, originalLength, offset, length);
      } else if (chunkEnd >= 0) {
        // Lucene reads a large document as consecutive chunks and expects the file positioned
        // after the chunk it asked for whole, as if it had been read.
        ((IndexInput) in).seek(chunkEnd);
      }
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
      System.arraycopy(
          parts,
          offset < dictionary.length ? offset : dictionary.length + offset - blocksFrom,
          bytes.bytes,
          0,
          length);
      bytes.offset = 0;
      bytes.length = length;
    }

    /** Whether the kept parts hold [offset, offset + length) in one piece. */
    private boolean kept(int offset, int length) {
      boolean start =
          offset >= blocksFrom || (offset < dictionary.length && blocksFrom == dictionary.length);
      return start && offset + length <= blocksTo;
    }

    /**
     * Decompresses the dictionary (unless this chunk's is kept) and the sub-blocks that hold the
     * bytes.
     */
    private void read(
        DataInput in, long pointer, boolean sameChunk, int originalLength, int offset, int length)
        throws IOException {
      chunkPointer = -1; // nothing is kept if this fails half-way
      int dictionaryLength = in.readVInt();
      int blockLength = in.readVInt();
      if (dictionaryLength < 0
          || dictionaryLength > originalLength
          || (blockLength <= 0 && originalLength > dictionaryLength)) {
        throw new CorruptIndexException(
            "stored-fields chunk of "
                + originalLength
                + " bytes with a dictionary of "
                + dictionaryLength
                + " and sub-blocks of "
                + blockLength,
            in);
      }
      try (ZstdDecompressCtx context = new ZstdDecompressCtx()) {
        if (sameChunk && dictionaryLength == dictionary.length) {
          in.skipBytes(in.readVInt());
        } else {
          parts = ArrayUtil.growNoCopy(parts, dictionaryLength);
          decompress(in, context, 0, dictionaryLength);
          dictionary = Arrays.copyOf(parts, dictionaryLength);
        }
        context.loadDict(dictionary, ZstdDictContentType.RAW_CONTENT);
        int blockStart = dictionaryLength;
        while (blockStart + blockLength <= offset) { // blocks wholly before the wanted bytes
          in.skipBytes(in.readVInt());
          blockStart += blockLength;
        }
        blocksFrom = blockStart;
        int end = dictionaryLength;
        while (blockStart < offset + length) {
          int expected = Math.min(blockLength, originalLength - blockStart);
          parts = ArrayUtil.grow(parts, end + expected);
          decompress(in, context, end, expected);
          end += expected;
          blockStart += blockLength;
        }
        blocksTo = blocksFrom + end - dictionaryLength;
      } catch (ZstdException e) {
        throw new CorruptIndexException("stored-fields chunk: " + e.getMessage(), in, e);
      }
      chunkInput = in;
      chunkLength = originalLength;
      chunkPointer = pointer;
      chunkEnd =
          pointer >= 0 && blocksTo >= originalLength ? ((IndexInput) in).getFilePointer() : -1;
    }

    /** Decompresses the next part of the chunk into {@code parts} at {@code at}. */
    private void decompress(DataInput in, ZstdDecompressCtx context, int at, int expected)
        throws IOException {
      int compressedLength = in.readVInt();
      int written = 0;
      if (compressedLength > 0) {
        compressed = ArrayUtil.growNoCopy(compressed, compressedLength);
        in.readBytes(compressed, 0, compressedLength);
        written = context.decompressByteArray(parts, at, expected, compressed, 0, compressedLength);
      }
      if (written != expected) {
        throw new CorruptIndexException(
            "a stored-fields part decompressed to " + written + " bytes, expected " + expected, in);
      }
    }

    @Override
    public Decompressor clone() {
      return new ZstdDecompressor();
    }
  }
}
