package org.imrsearch.cli;

import java.nio.file.Path;
import java.util.List;
import org.imrsearch.solr.SolrOptions;
import picocli.CommandLine.Option;

/**
 * The options that point a command at a SolrCloud collection instead of an index directory. Secrets
 * are read from files: a password on the command line would show in {@code ps} and in the shell's
 * history.
 */
final class SolrOption {
  @Option(
      names = "--solr",
      paramLabel = "URL",
      split = ",",
      description =
          "Use the SolrCloud cluster at URL (one or more nodes, comma separated, e.g."
              + " http://127.0.0.1:8983/solr) instead of an index directory.")
  List<String> urls;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "The Solr collection (default: ${DEFAULT-VALUE}).")
  String collection = "imr";

  @Option(
      names = "--solr-credentials",
      paramLabel = "FILE",
      description = "A file holding user:password for Solr's basic auth.")
  Path credentials;

  @Option(
      names = "--solr-truststore",
      paramLabel = "FILE",
      description =
          "A PKCS12 or JKS trust store for a cluster whose TLS certificate the JVM does not trust.")
  Path trustStore;

  @Option(
      names = "--solr-truststore-password-file",
      paramLabel = "FILE",
      description = "A file holding the trust store's password.")
  Path trustStorePassword;

  boolean given() {
    return urls != null && !urls.isEmpty();
  }

  SolrOptions options() {
    try {
      return new SolrOptions(urls, collection, credentials, trustStore, trustStorePassword);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
