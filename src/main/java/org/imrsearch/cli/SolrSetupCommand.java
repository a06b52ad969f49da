package org.imrsearch.cli;

import java.util.concurrent.Callable;
import org.imrsearch.solr.SolrCollection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imr solr-setup}: uploads the configset and creates the collection, once. */
@Command(
    name = "solr-setup",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads this version's configset to a SolrCloud cluster and creates the collection.",
      "Run twice, it changes nothing; a collection of another schema version is refused."
    })
final class SolrSetupCommand implements Callable<Integer> {
  /** Creating a collection on a busy cluster takes seconds; a minute is a cluster in trouble. */
  private static final long SETUP_TIMEOUT_MILLIS = 120_000;

  @Mixin SolrOption solr;

  @Option(names = "--shards", description = "Shards (default: ${DEFAULT-VALUE}).")
  int shards = 1;

  @Option(names = "--replicas", description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
  int replicas = 1;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    if (!solr.given()) {
      throw new UserError("give the cluster with --solr URL");
    }
    if (shards < 1 || replicas < 1) {
      throw new UserError("--shards and --replicas must be 1 or more");
    }
    try (SolrCollection collection = SolrCollection.connect(solr.options(), SETUP_TIMEOUT_MILLIS)) {
      System.out.println("solr-setup: " + collection.setup(config.source(), shards, replicas));
    }
    return 0;
  }
}
