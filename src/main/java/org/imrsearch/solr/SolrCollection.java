package org.imrsearch.solr;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.engine.EngineUnavailableException;

/**
 * A connection to one collection of a SolrCloud cluster, over HTTP through SolrJ (the JDK's HTTP
 * client: no second Jetty or Lucene in this process). The client learns the cluster's live nodes
 * from the URLs given and routes around a node that is down.
 */
public final class SolrCollection implements AutoCloseable {
  private final SolrOptions options;
  private final HttpJdkSolrClient http;
  private final CloudSolrClient cloud;

  private SolrCollection(SolrOptions options, HttpJdkSolrClient http, CloudSolrClient cloud) {
    this.options = options;
    this.http = http;
    this.cloud = cloud;
  }

  /**
   * A client of {@code options}' cluster whose requests give up after {@code requestTimeoutMillis}
   * (searches: the query time limit and a little; ingest and setup: longer).
   */
  public static SolrCollection connect(SolrOptions options, long requestTimeoutMillis)
      throws IOException {
    HttpJdkSolrClient.Builder builder =
        new HttpJdkSolrClient.Builder()
            .withConnectionTimeout(Math.min(requestTimeoutMillis, 5000), TimeUnit.MILLISECONDS)
            .withRequestTimeout(requestTimeoutMillis, TimeUnit.MILLISECONDS)
            .withIdleTimeout(requestTimeoutMillis, TimeUnit.MILLISECONDS)
            // HTTP/2 would first probe each POST with a HEAD request, an error in the server log.
            .useHttp1_1(true);
    String[] credentials = options.credentials();
    if (credentials != null) {
      builder.withBasicAuthCredentials(credentials[0], credentials[1]);
    }
    SSLContext ssl = options.sslContext();
    if (ssl != null) {
      builder.withSSLContext(ssl);
    }
    HttpJdkSolrClient http = builder.build();
    try {
      CloudSolrClient cloud =
          new CloudSolrClient.Builder(options.urls()).withHttpClient(http).build();
      return new SolrCollection(options, http, cloud);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  public String name() {
    return options.collection();
  }

  public SolrOptions options() {
    return options;
  }

  /** The cluster's client; requests name the collection (admin requests name none). */
  SolrClient client() {
    return cloud;
  }

  /** Whether the cluster has this collection. */
  public boolean exists() throws IOException {
    // Asked of a node directly: the first request to a cluster, so that a refusal (no or wrong
    // credentials) comes back as what it is, not as "no live nodes".
    NamedList<Object> listed = onAnyNode(new CollectionAdminRequest.List());
    Object names = listed.get("collections");
    return names instanceof List<?> list && list.contains(options.collection());
  }

  /** The name of the collection's schema ("imr-search-7"). */
  String schemaName() throws IOException {
    NamedList<Object> response =
        request(
            new GenericSolrRequest(SolrRequest.METHOD.GET, "/schema/name")
                .setRequiresCollection(true));
    return String.valueOf(response.get("name"));
  }

  /**
   * Refuses a collection that is missing or of another schema version, with what to do about it.
   */
  public void requireSchema() throws IOException {
    if (!exists()) {
      throw new UnusableCollectionException(
          "Solr has no collection '"
              + name()
              + "': create it with bin/imr solr-setup --solr "
              + options.urls().get(0)
              + " --collection "
              + name());
    }
    String found = schemaName();
    if (!found.equals(SolrConfigSet.SCHEMA_NAME)) {
      throw new UnusableCollectionException(
          "collection '"
              + name()
              + "' has schema '"
              + found
              + "', this version of imr-search needs '"
              + SolrConfigSet.SCHEMA_NAME
              + "': re-create it (a new collection name, then bin/imr solr-setup and"
              + " ingest) or use the imr-search version that wrote it");
    }
  }

  /**
   * Uploads this version's configset and creates the collection with {@code shards} shards of
   * {@code replicas} replicas each. A collection that already exists with this schema is left as it
   * is (running setup twice changes nothing); one of another schema is refused.
   *
   * @return what was done, for the user
   */
  @SuppressWarnings("deprecation") // SolrJ 10 deprecates waiting; a Solr 9 cluster needs it
  public String setup(ConfigSource config, int shards, int replicas) throws IOException {
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be 1 or more");
    }
    if (exists()) {
      requireSchema();
      return "collection '"
          + name()
          + "' exists with schema "
          + SolrConfigSet.SCHEMA_NAME
          + ": nothing changed";
    }
    byte[] zip = SolrConfigSet.of(config).zip();
    ConfigSetAdminRequest.Upload upload =
        new ConfigSetAdminRequest.Upload()
            .setConfigSetName(SolrConfigSet.SCHEMA_NAME)
            .setOverwrite(true)
            .setCleanup(true)
            .setUploadStream(
                new ContentStreamBase.ByteArrayStream(zip, "configset.zip", "application/zip"));
    // To one node: the cloud client's routing mangles the configsets API's upload.
    onAnyNode(upload);
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(
            name(), SolrConfigSet.SCHEMA_NAME, shards, replicas);
    create.setWaitForFinalState(true); // Solr 9 answers before the replicas are active otherwise
    admin(create);
    return "collection '"
        + name()
        + "' created: "
        + shards
        + " shard(s) x "
        + replicas
        + " replica(s), configset "
        + SolrConfigSet.SCHEMA_NAME;
  }

  /**
   * A request to the collection; a cluster that does not answer is {@link
   * EngineUnavailableException}.
   */
  NamedList<Object> request(SolrRequest<?> request) throws IOException {
    try {
      return cloud.request(request, options.collection());
    } catch (SolrServerException | RuntimeException e) {
      throw unavailable(e); // SolrJ says "no live nodes" with a RuntimeException
    }
  }

  /** {@code request} to the first node that answers. */
  private NamedList<Object> onAnyNode(SolrRequest<?> request) throws IOException {
    Exception last = null;
    for (String url : options.urls()) {
      try {
        return http.requestWithBaseUrl(url, request, null);
      } catch (SolrServerException | IOException | RuntimeException e) {
        last = e;
      }
    }
    throw unavailable(last);
  }

  private NamedList<Object> admin(SolrRequest<?> request) throws IOException {
    try {
      return cloud.request(request, null);
    } catch (SolrServerException | RuntimeException e) {
      throw unavailable(e); // SolrJ says "no live nodes" with a RuntimeException
    }
  }

  /** A cluster that did not answer, said in terms the user can act on. */
  EngineUnavailableException unavailable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SolrException s && (s.code() == 401 || s.code() == 403)) {
        return new EngineUnavailableException(
            "the Solr cluster ("
                + String.join(",", options.urls())
                + ") refused access (HTTP "
                + s.code()
                + "): give its user and password with --solr-credentials FILE",
            e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new EngineUnavailableException(
        "the Solr cluster (" + String.join(",", options.urls()) + ") did not answer: " + why, e);
  }

  @Override
  public void close() throws IOException {
    try {
      cloud.close();
    } finally {
      http.close();
    }
  }
}
