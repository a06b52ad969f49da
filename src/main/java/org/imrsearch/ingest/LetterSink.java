package org.imrsearch.ingest;

import java.io.IOException;
import java.util.List;
import org.imrsearch.model.Letter;
import org.imrsearch.model.SourceFile;

/**
 * Where an ingest puts letters: the embedded index or a SolrCloud collection. Putting a letter
 * replaces every document of a letter with its id (no duplicates, no orphans); thread-safe.
 */
public interface LetterSink extends AutoCloseable {
  /** A letter that was put but that the engine did not take (say, its cluster was down). */
  record Rejected(Letter letter, String reason) {}

  /**
   * Adds the letter, or replaces it. May only queue it: {@link #commit()} makes it durable, and
   * reports the letters it could not take through {@link #rejected()}.
   *
   * @throws IllegalArgumentException if the engine refuses this letter (it counts as failed)
   */
  void put(Letter letter) throws IOException;

  /**
   * {@link #put(Letter)}, recording the file the letter was read from (where, how large, its
   * SHA-256), so its original can be served later; {@code file} may be null.
   */
  void put(Letter letter, SourceFile file) throws IOException;

  /** Makes everything put so far durable and visible to new searches. */
  void commit() throws IOException;

  /**
   * Letters put but not taken, each once, since the last call; an engine that takes each letter in
   * {@link #put} or fails the run has none.
   */
  default List<Rejected> rejected() {
    return List.of();
  }

  /** Closes without committing: what was not committed may be dropped, as after a crash. */
  @Override
  void close() throws IOException;
}
