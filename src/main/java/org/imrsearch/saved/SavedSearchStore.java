package org.imrsearch.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saved searches, in an SQLite database file beside the index ({@link #FILE_NAME} in the index
 * directory, so a backup of the directory holds them). The file is created on first use, not when
 * the store is made, and brought to the current version by numbered migrations ({@link
 * #MIGRATIONS}, recorded in SQLite's {@code user_version}); a file of a newer version is refused.
 * Thread-safe: one connection, one operation at a time (saved searches are few and small). Closing
 * it closes the connection.
 */
public final class SavedSearchStore implements AutoCloseable {
  public static final String FILE_NAME = "saved-searches.db";

  /**
   * The schema, as steps: step n (from 1) brings version n-1 to n. Append a step to change the
   * schema; never edit one that has shipped.
   */
  static final List<String> MIGRATIONS =
      List.of(
          // 1: saved searches; AUTOINCREMENT so a deleted search's id (and feed) is never reused.
          """
          CREATE TABLE saved_search (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            query TEXT NOT NULL,
            filters TEXT NOT NULL,
            saved_at INTEGER NOT NULL
          )""");

  private static final TypeReference<Map<String, List<String>>> FILTERS = new TypeReference<>() {};

  private final Path file;
  private final ObjectMapper mapper;
  private final InstantSource clock;
  private Connection connection; // opened on first use; guarded by this

  public SavedSearchStore(Path file, ObjectMapper mapper, InstantSource clock) {
    this.file = file;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The store beside the index in {@code indexDir}. */
  public static SavedSearchStore beside(Path indexDir, ObjectMapper mapper) {
    return new SavedSearchStore(indexDir.resolve(FILE_NAME), mapper, InstantSource.system());
  }

  /** Saves a search now; returns it with its id. */
  public synchronized SavedSearch create(String name, String q, Map<String, List<String>> filters)
      throws IOException {
    SavedSearch unsaved = new SavedSearch(0, name, q, filters, clock.instant());
    try (PreparedStatement insert =
        connection()
            .prepareStatement(
                "INSERT INTO saved_search (name, query, filters, saved_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, unsaved.name());
      insert.setString(2, unsaved.q());
      insert.setString(3, json(unsaved.filters()));
      insert.setLong(4, unsaved.savedAt().toEpochMilli());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        return new SavedSearch(
            id,
            unsaved.name(),
            unsaved.q(),
            unsaved.filters(),
            Instant.ofEpochMilli(unsaved.savedAt().toEpochMilli()));
      }
    } catch (SQLException e) {
      throw failed("save a search", e);
    }
  }

  /** Every saved search, oldest first. */
  public synchronized List<SavedSearch> list() throws IOException {
    try (PreparedStatement select =
            connection().prepareStatement("SELECT * FROM saved_search ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      List<SavedSearch> all = new ArrayList<>();
      while (rows.next()) {
        all.add(row(rows));
      }
      return all;
    } catch (SQLException e) {
      throw failed("list the saved searches", e);
    }
  }

  /** The saved search {@code id}, if there is one. */
  public synchronized Optional<SavedSearch> find(long id) throws IOException {
    try (PreparedStatement select =
        connection().prepareStatement("SELECT * FROM saved_search WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("read a saved search", e);
    }
  }

  /** Renames search {@code id}; empty when there is none. Its feed stays as it was. */
  public synchronized Optional<SavedSearch> rename(long id, String name) throws IOException {
    String checked = SavedSearch.checkedName(name);
    try (PreparedStatement update =
        connection().prepareStatement("UPDATE saved_search SET name = ? WHERE id = ?")) {
      update.setString(1, checked);
      update.setLong(2, id);
      if (update.executeUpdate() == 0) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw failed("rename a saved search", e);
    }
    return find(id);
  }

  /** Deletes search {@code id}; false when there was none. */
  public synchronized boolean delete(long id) throws IOException {
    try (PreparedStatement delete =
        connection().prepareStatement("DELETE FROM saved_search WHERE id = ?")) {
      delete.setLong(1, id);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failed("delete a saved search", e);
    }
  }

  /** The schema version of the file (0 before the first use). */
  synchronized int version() throws IOException {
    try {
      return userVersion(connection());
    } catch (SQLException e) {
      throw failed("read the version", e);
    }
  }

  private SavedSearch row(ResultSet rows) throws SQLException, IOException {
    return new SavedSearch(
        rows.getLong("id"),
        rows.getString("name"),
        rows.getString("query"),
        mapper.readValue(rows.getString("filters"), FILTERS),
        Instant.ofEpochMilli(rows.getLong("saved_at")));
  }

  /** The connection, opening the file and migrating it on first use. */
  private Connection connection() throws IOException, SQLException {
    if (connection == null) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection opened = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        migrate(opened);
      } catch (SQLException | RuntimeException e) {
        opened.close();
        throw e;
      }
      connection = opened;
    }
    return connection;
  }

  /** Runs the steps the file has not had, each in a transaction with its version. */
  private void migrate(Connection c) throws SQLException {
    int version = userVersion(c);
    if (version > MIGRATIONS.size()) {
      throw new IllegalStateException(
          file
              + " is of version "
              + version
              + ", newer than this build knows ("
              + MIGRATIONS.size()
              + "): use a newer imr-search");
    }
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (int step = version + 1; step <= MIGRATIONS.size(); step++) {
        s.executeUpdate(MIGRATIONS.get(step - 1));
        s.executeUpdate("PRAGMA user_version = " + step);
        c.commit();
      }
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static int userVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA user_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IOException failed(String what, SQLException e) {
    return new IOException("could not " + what + " in " + file + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() throws IOException {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw failed("close", e);
      } finally {
        connection = null;
      }
    }
  }
}
