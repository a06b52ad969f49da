package org.imrsearch.solr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a cluster is and its secrets: read from files, never shown. */
class SolrOptionsTest {
  @Test
  void credentialsComeFromTheFileAndNeverIntoTheDescription(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("solr.credentials"), "reader:s3cr:et\n");
    SolrOptions options =
        new SolrOptions(List.of("https://solr.example:8983/solr/"), "imr", file, null, null);
    assertArrayEquals(new String[] {"reader", "s3cr:et"}, options.credentials());
    assertFalse(options.toString().contains("s3cr"), options.toString());
    assertTrue(options.toString().contains(file.toString()), options.toString());
    assertEquals(List.of("https://solr.example:8983/solr"), options.urls());
  }

  @Test
  void aCredentialsFileWithoutAColonSaysWhatItMustHold(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("solr.credentials"), "just-a-password\n");
    SolrOptions options = new SolrOptions(List.of("http://h:1/solr"), "imr", file, null, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::credentials);
    assertTrue(e.getMessage().contains("user:password"), e.getMessage());
    assertFalse(e.getMessage().contains("just-a-password"), e.getMessage());
  }

  @Test
  void withoutATrustStoreTheJvmsDefaultIsUsed() throws IOException {
    assertNull(SolrOptions.of("http://h:1/solr", "imr").sslContext());
    assertNull(SolrOptions.of("http://h:1/solr", "imr").credentials());
  }

  @Test
  void urlsAndCollectionNamesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> SolrOptions.of("h:8983/solr", "imr"));
    assertThrows(IllegalArgumentException.class, () -> SolrOptions.of("http://h/solr", "a b"));
    assertEquals(2, SolrOptions.of("http://a/solr,http://b/solr", "imr").urls().size());
  }
}
