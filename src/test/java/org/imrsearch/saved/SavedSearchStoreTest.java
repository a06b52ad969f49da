package org.imrsearch.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.imrsearch.model.Json;
import org.imrsearch.query.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedSearchStoreTest {
  private static final Instant NOON = Instant.parse("2026-12-02T12:00:00.123Z");

  @TempDir Path dir;

  private SavedSearchStore store() {
    return new SavedSearchStore(
        dir.resolve(SavedSearchStore.FILE_NAME), Json.newMapper(), InstantSource.fixed(NOON));
  }

  @Test
  void theDatabaseFileIsCreatedOnFirstUseBesideTheIndexAtTheLatestVersion() throws IOException {
    Path file = dir.resolve(SavedSearchStore.FILE_NAME);
    try (SavedSearchStore store = SavedSearchStore.beside(dir, Json.newMapper())) {
      assertFalse(Files.exists(file), "nothing is written before the first use");
      assertEquals(List.of(), store.list());
      assertTrue(Files.exists(file));
      assertEquals(SavedSearchStore.MIGRATIONS.size(), store.version());
    }
  }

  @Test
  void aSavedSearchKeepsItsQueryFiltersAndTimeAcrossARestart() throws IOException {
    SavedSearch saved;
    try (SavedSearchStore store = store()) {
      saved =
          store.create(
              " ESI denials ",
              "epidural",
              Map.of("outcome", List.of("upheld"), "SPECIALTY", List.of("Anesthesiology", " ")));
    }
    assertEquals("ESI denials", saved.name());
    // Filter names as search spells them, in search's order; blank values dropped.
    assertEquals(
        Map.of("specialty", List.of("Anesthesiology"), "outcome", List.of("upheld")),
        saved.filters());
    assertEquals(List.of("specialty", "outcome"), List.copyOf(saved.filters().keySet()));
    assertEquals(NOON, saved.savedAt());
    try (SavedSearchStore reopened = store()) {
      assertEquals(List.of(saved), reopened.list());
      assertEquals(saved, reopened.find(saved.id()).orElseThrow());
    }
  }

  @Test
  void renameChangesOnlyTheNameAndDeleteRemovesItsIdForGood() throws IOException {
    try (SavedSearchStore store = store()) {
      SavedSearch first = store.create("first", "mri", Map.of());
      SavedSearch renamed = store.rename(first.id(), "shoulder MRI").orElseThrow();
      assertEquals("shoulder MRI", renamed.name());
      assertEquals(first.q(), renamed.q());
      assertEquals(first.savedAt(), renamed.savedAt());
      assertTrue(store.delete(first.id()));
      assertFalse(store.delete(first.id()));
      assertTrue(store.rename(first.id(), "x").isEmpty());
      SavedSearch second = store.create("second", "", Map.of());
      assertTrue(second.id() > first.id(), "a deleted search's id (and feed) is not reused");
      assertEquals(List.of(second), store.list());
    }
  }

  @Test
  void aBlankNameOrAnUnknownFilterIsRefusedAndNothingIsSaved() throws IOException {
    try (SavedSearchStore store = store()) {
      assertThrows(BadRequestException.class, () -> store.create(" ", "mri", Map.of()));
      assertThrows(
          BadRequestException.class,
          () -> store.create("x", "mri", Map.of("colour", List.of("blue"))));
      assertEquals(List.of(), store.list());
    }
  }

  @Test
  void aDatabaseOfANewerVersionIsRefused() throws IOException, SQLException {
    Path file = dir.resolve(SavedSearchStore.FILE_NAME);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 99");
    }
    try (SavedSearchStore store = store()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, store::list);
      assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
  }
}
