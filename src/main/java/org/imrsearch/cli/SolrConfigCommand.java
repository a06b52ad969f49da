package org.imrsearch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imrsearch.solr.SolrConfigSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imr solr-config}: the Solr configset, generated from index-config and the schema. */
@Command(
    name = "solr-config",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the Solr configset (managed-schema.xml, solrconfig.xml, synonyms) of this version,",
      "generated from index-config/ and the schema code: the same fields, analyzers and synonyms",
      "as the embedded index. 'imr solr-setup' uploads it itself; this is for your own cluster."
    })
final class SolrConfigCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write it.")
  Path out;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    SolrConfigSet set = SolrConfigSet.of(config.source());
    set.writeTo(out);
    System.out.println(
        "solr-config: wrote " + String.join(", ", set.files().keySet()) + " to " + out);
    return 0;
  }
}
