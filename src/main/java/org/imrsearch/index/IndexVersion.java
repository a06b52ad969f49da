package org.imrsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * The one check that an existing index is of this build's {@link Schema#VERSION}, made by the
 * writer and the searchers before they open it. An index of another version, or one whose segments
 * name a codec this build lacks (builds before schema 4 wrote their own), gets the same "re-ingest"
 * message instead of a Lucene stack trace.
 */
public final class IndexVersion {
  private IndexVersion() {}

  /**
   * Throws {@link IncompatibleIndexException} unless the last commit in {@code directory} (shown to
   * users as {@code path}) was written with this schema version. An empty directory passes.
   */
  public static void require(Directory directory, Path path) throws IOException {
    if (SegmentInfos.getLastCommitGeneration(directory) < 0) {
      return;
    }
    String found;
    try {
      found =
          SegmentInfos.readLatestCommit(directory).getUserData().get(Schema.COMMIT_SCHEMA_VERSION);
    } catch (IllegalArgumentException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      // Lucene names an unknown codec with IllegalArgumentException while reading the commit.
      throw incompatible(path, "an older or unknown format (" + e.getMessage() + ")", e);
    }
    if (!Integer.toString(Schema.VERSION).equals(found)) {
      throw incompatible(path, "schema version " + found, null);
    }
  }

  private static IncompatibleIndexException incompatible(Path path, String what, Throwable cause) {
    return new IncompatibleIndexException(
        "the index in "
            + path
            + " has "
            + what
            + ", but this build reads and writes schema version "
            + Schema.VERSION
            + ": re-ingest the letters into a new directory (or delete this one)",
        cause);
  }
}
