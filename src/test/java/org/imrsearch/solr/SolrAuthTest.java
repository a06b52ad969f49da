package org.imrsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.engine.EngineUnavailableException;
import org.imrsearch.ingest.IngestReport;
import org.imrsearch.model.Json;
import org.imrsearch.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing cluster behind basic auth: the credentials file lets setup, ingest and search in, and
 * without it the cluster's refusal is said in one line (a 401), not a stack trace.
 */
class SolrAuthTest {
  @Test
  void aClusterBehindBasicAuthIsReachedWithTheCredentialsFileOnly(@TempDir Path dir)
      throws Exception {
    boolean required = !System.getProperty(LocalSolr.CLASSPATH_PROPERTY, "").isBlank();
    assumeTrue(required || LocalSolr.isAvailable(), "solr-local is not built: skipped");
    Path security =
        Files.writeString(
            dir.resolve("security.json"),
            """
            {"authentication": {"class": "solr.BasicAuthPlugin", "blockUnknown": true,
               "credentials": {"imr": "%s"}},
             "authorization": {"class": "solr.RuleBasedAuthorizationPlugin",
               "permissions": [{"name": "all", "role": "admin"}],
               "user-role": {"imr": "admin"}}}
            """
                .formatted(solrHash("letters-in", "0123456789abcdef")));
    Path credentials = Files.writeString(dir.resolve("solr.credentials"), "imr:letters-in\n");
    try (LocalSolr cluster = LocalSolr.startSecured(1, security)) {
      SolrOptions without = new SolrOptions(cluster.nodeUrls(), "secured", null, null, null);
      try (SolrCollection c = SolrCollection.connect(without, 60_000)) {
        EngineUnavailableException refused =
            assertThrows(
                EngineUnavailableException.class, () -> c.setup(ConfigSource.bundled(), 1, 1));
        assertTrue(refused.getMessage().contains("401"), refused.getMessage());
      }
      SolrOptions with = new SolrOptions(cluster.nodeUrls(), "secured", credentials, null, null);
      assertFalse(with.toString().contains("letters-in"), "the password is never shown");
      try (SolrCollection c = SolrCollection.connect(with, 60_000)) {
        c.setup(ConfigSource.bundled(), 1, 1);
        IngestReport report = SharedSolr.ingest(c, List.of(TestLetters.SEED_LETTERS));
        assertTrue(report.allIndexed(), report.failed().toString());
      }
      try (SolrEngine engine = SolrEngine.open(with, ConfigSource.bundled(), Json.newMapper())) {
        assertEquals(5, engine.health().letters());
        assertTrue(engine.search(SearchRequest.of("")).total() > 0);
      }
    }
  }

  /**
   * A password as Solr's basic auth keeps it: SHA-256 of SHA-256 of salt and password, and the
   * salt, each in Base64.
   */
  private static String solrHash(String password, String salt) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
    sha.update(saltBytes);
    byte[] once = sha.digest(password.getBytes(StandardCharsets.UTF_8));
    sha.reset();
    byte[] twice = sha.digest(once);
    return Base64.getEncoder().encodeToString(twice)
        + " "
        + Base64.getEncoder().encodeToString(saltBytes);
  }
}
