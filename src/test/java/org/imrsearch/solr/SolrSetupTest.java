package org.imrsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.index.Schema;
import org.imrsearch.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Setting up a collection: once, twice (nothing changes), and refused where a collection of another
 * schema version is in the way; the configset is the generated one, whole.
 */
@ResourceLock(SharedSolr.LOCK)
class SolrSetupTest {
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void setupRunTwiceChangesNothingTheSecondTime() throws IOException {
    try (SolrCollection c = SolrCollection.connect(SharedSolr.options("setup-twice"), 120_000)) {
      String first = c.setup(ConfigSource.bundled(), 1, 1);
      assertTrue(first.contains("created"), first);
      String second = c.setup(ConfigSource.bundled(), 1, 1);
      assertTrue(second.contains("nothing changed"), second);
      c.requireSchema();
    }
  }

  @Test
  void aCollectionOfAnotherSchemaVersionIsRefusedWithWhatToDo() throws Exception {
    String older = "imr-search-" + (Schema.VERSION - 1);
    // The configset of this version, renamed as an older version's would be.
    byte[] zip = olderConfigSet(older);
    LocalSolr cluster = SharedSolr.cluster();
    try (SolrClient client = new HttpJdkSolrClient.Builder(cluster.url()).build()) {
      new ConfigSetAdminRequest.Upload()
          .setConfigSetName(older)
          .setUploadStream(new ContentStreamBase.ByteArrayStream(zip, "old.zip", "application/zip"))
          .process(client);
      create(client, "older", older);
    }
    try (SolrCollection c = SolrCollection.connect(SharedSolr.options("older"), 120_000)) {
      UnusableCollectionException e =
          assertThrows(
              UnusableCollectionException.class, () -> c.setup(ConfigSource.bundled(), 1, 1));
      assertTrue(e.getMessage().contains(older), e.getMessage());
      assertTrue(e.getMessage().contains(SolrConfigSet.SCHEMA_NAME), e.getMessage());
      assertTrue(e.getMessage().contains("re-create"), e.getMessage());
    }
    UnusableCollectionException refused =
        assertThrows(
            UnusableCollectionException.class,
            () -> SolrEngine.open(SharedSolr.options("older"), ConfigSource.bundled(), mapper));
    assertTrue(refused.getMessage().contains(older), refused.getMessage());
  }

  @Test
  void aMissingCollectionSaysHowToCreateIt() throws IOException {
    UnusableCollectionException e =
        assertThrows(
            UnusableCollectionException.class,
            () -> SolrEngine.open(SharedSolr.options("no-such"), ConfigSource.bundled(), mapper));
    assertTrue(e.getMessage().contains("bin/imr solr-setup"), e.getMessage());
  }

  @Test
  void theConfigSetIsGeneratedFromTheSchemaAndTheAnalyzerTable(@TempDir Path dir)
      throws IOException {
    SolrConfigSet set = SolrConfigSet.of(ConfigSource.bundled());
    set.writeTo(dir);
    String schema = Files.readString(dir.resolve("managed-schema.xml"));
    assertTrue(schema.contains("name=\"" + SolrConfigSet.SCHEMA_NAME + "\""));
    for (String field :
        List.of("specialty", "citation", "rationale", "case_summary", "indexed_at")) {
      assertTrue(schema.contains("<field name=\"" + field + "\""), field);
    }
    assertTrue(schema.contains("<filter name=\"synonymGraph\" synonyms=\"synonyms.txt\""));
    assertTrue(schema.contains("<filter name=\"englishMinimalStem\"/>"));
    assertEquals(
        Files.readString(Path.of("index-config", "synonyms.txt")).strip(),
        Files.readString(dir.resolve("synonyms.txt")).strip());
    assertFalse(Files.readString(dir.resolve("solrconfig.xml")).isBlank());
  }

  @SuppressWarnings("deprecation") // SolrJ 10 deprecates waiting, but Solr 9.10 does not wait
  private static void create(SolrClient client, String name, String configSet)
      throws SolrServerException, IOException {
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(name, configSet, 1, 1);
    create.setWaitForFinalState(true);
    create.process(client);
  }

  private static byte[] olderConfigSet(String olderName) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f :
          SolrConfigSet.of(ConfigSource.bundled()).files().entrySet()) {
        byte[] content = f.getValue();
        if (f.getKey().equals("managed-schema.xml")) {
          content =
              new String(content, StandardCharsets.UTF_8)
                  .replace(SolrConfigSet.SCHEMA_NAME, olderName)
                  .getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
