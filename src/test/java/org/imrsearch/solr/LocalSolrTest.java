package org.imrsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The local SolrCloud that tests of the Solr engine run against: a configset uploaded through the
 * Configsets API and a one-shard collection with a replica on each of two nodes that answers on
 * both (stopping and restarting nodes is SolrFaultTest's, through the engine). Runs under 'bin/imr
 * test', which builds the solr-local module; skipped where the module is not built (one test run
 * from an IDE).
 */
@ResourceLock(SharedSolr.LOCK)
class LocalSolrTest {
  private static final String CONFIGSET = "/solr/minimal/";
  private static final String COLLECTION = "letters";

  @Test
  void aTwoReplicaCollectionAnswersOnEveryNode(@TempDir Path tmp) throws Exception {
    LocalSolr solr = SharedSolr.cluster(); // started once per test run, stopped with it
    try (SolrClient first = new HttpJdkSolrClient.Builder(solr.url()).build();
        SolrClient second = new HttpJdkSolrClient.Builder(solr.nodeUrls().get(1)).build()) {
      assertEquals(2, solr.nodeUrls().size());
      assertEquals(solr.url(), solr.nodeUrls().get(0));

      new ConfigSetAdminRequest.Upload()
          .setConfigSetName("minimal")
          .setUploadFile(zipConfigset(tmp.resolve("minimal.zip")), "application/zip")
          .process(first);
      createCollection(first);

      first.add(
          COLLECTION,
          List.of(
              doc("1", "utilization review upheld"), doc("2", "review overturned"), doc("3", "x")));
      first.commit(COLLECTION);
      assertEquals(3, count(first, "*:*"));
      assertEquals(2, count(second, "text:review"));

      assertEquals(1, count(first, "text:overturned"));
    }
  }

  @Test
  void startSaysHowToBuildTheClusterWhenItsClassPathIsMissing(@TempDir Path emptyHome) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> LocalSolr.start(1, null, "", emptyHome));
    assertTrue(e.getMessage().contains("bin/imr solr-local"), e.getMessage());
    assertTrue(e.getMessage().contains("bin/imr test"), e.getMessage());
  }

  /** One shard, a replica on each node; returns once both replicas are active. */
  @SuppressWarnings("deprecation") // SolrJ 10 deprecates waiting, but Solr 9.10 does not wait
  private static void createCollection(SolrClient client) throws SolrServerException, IOException {
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(COLLECTION, "minimal", 1, 2);
    create.setWaitForFinalState(true);
    create.process(client);
  }

  private static long count(SolrClient client, String query)
      throws SolrServerException, IOException {
    return client.query(COLLECTION, new SolrQuery(query).setRows(0)).getResults().getNumFound();
  }

  private static SolrInputDocument doc(String id, String text) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField("id", id);
    doc.addField("text", text);
    return doc;
  }

  /** The test configset from the class path, as the zip the Configsets API takes. */
  private static Path zipConfigset(Path zip) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String name : List.of("solrconfig.xml", "managed-schema.xml")) {
        out.putNextEntry(new ZipEntry(name));
        try (InputStream in = LocalSolrTest.class.getResourceAsStream(CONFIGSET + name)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return zip;
  }
}
