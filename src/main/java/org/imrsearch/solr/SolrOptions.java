package org.imrsearch.solr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where a SolrCloud collection is and how to reach it. Secrets come from files, never from the
 * command line (where {@code ps} and shell history would show them) and never into a log: {@link
 * #toString()} names the files, not what is in them.
 *
 * @param urls base URLs of one or more nodes ("http://host:8983/solr"); the client learns the rest
 *     of the cluster from any of them
 * @param collection the collection's name
 * @param credentialsFile a file holding {@code user:password} for Solr's basic auth, or null
 * @param trustStore a PKCS12 or JKS trust store for a cluster behind TLS with its own CA, or null
 *     (the JVM's default trust store)
 * @param trustStorePasswordFile a file holding the trust store's password, or null
 */
public record SolrOptions(
    List<String> urls,
    String collection,
    Path credentialsFile,
    Path trustStore,
    Path trustStorePasswordFile) {

  public SolrOptions {
    urls = urls.stream().map(u -> u.strip().replaceAll("/+$", "")).toList();
    if (urls.isEmpty() || urls.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("give the URL of at least one Solr node");
    }
    for (String u : urls) {
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new IllegalArgumentException(
            "a Solr URL starts with http:// or https://, like http://127.0.0.1:8983/solr; not '"
                + u
                + "'");
      }
    }
    if (collection == null || !collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "a collection name is letters, digits, '.', '_' and '-', not '" + collection + "'");
    }
  }

  /** One node's URL and a collection, without auth or TLS settings. */
  public static SolrOptions of(String url, String collection) {
    return new SolrOptions(List.of(url.split(",")), collection, null, null, null);
  }

  /** The user and password of the credentials file, or null without one. */
  String[] credentials() throws IOException {
    if (credentialsFile == null) {
      return null;
    }
    String line = Files.readString(credentialsFile, StandardCharsets.UTF_8).strip();
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          credentialsFile + " must hold one line user:password (it holds no ':' after a user)");
    }
    return new String[] {line.substring(0, colon), line.substring(colon + 1)};
  }

  /** The TLS context trusting {@link #trustStore}, or null for the JVM's default. */
  SSLContext sslContext() throws IOException {
    if (trustStore == null) {
      return null;
    }
    char[] password =
        trustStorePasswordFile == null
            ? null
            : Files.readString(trustStorePasswordFile, StandardCharsets.UTF_8)
                .strip()
                .toCharArray();
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
    }
  }

  /** What a log may say: the URLs, the collection and which files hold the secrets. */
  @Override
  public String toString() {
    return String.join(",", urls)
        + " collection "
        + collection
        + (credentialsFile == null ? "" : ", credentials from " + credentialsFile)
        + (trustStore == null ? "" : ", trust store " + trustStore);
  }
}
