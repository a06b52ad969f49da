package org.imrsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imrsearch.engine.Engine;
import org.imrsearch.model.Json;
import org.imrsearch.saved.SavedSearchStore;
import org.imrsearch.saved.SavedSearches;
import org.imrsearch.search.SearchServices;
import org.imrsearch.solr.SolrEngine;
import org.imrsearch.solr.SolrOptions;
import org.imrsearch.web.WebServer;
import org.imrsearch.web.WriteAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imr serve}: the search pages and JSON API over an index or a Solr collection. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search, letter and overturn-rate pages and the JSON API over an index.",
      "Binds to 127.0.0.1 unless --host says otherwise. Stop with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  private static final long CLOSE_TIMEOUT_SECONDS = 10;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index directory (made by 'imr ingest'); or --solr.")
  Path index;

  @Mixin SolrOption solr;

  @Option(
      names = "--saved-searches",
      paramLabel = "DIR",
      description =
          "Where the saved searches' database is kept with --solr (default: the current"
              + " directory; with --index, always beside the index).")
  Path savedSearches;

  @Mixin ServerOptions server;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    if ((index == null) == !solr.given()) {
      throw new UserError("give either --index DIR or --solr URL (with --collection NAME)");
    }
    ObjectMapper mapper = Json.newMapper();
    if (index != null) {
      serve(index, config, server);
    } else {
      WriteAccess access = server.writeAccess(); // a bad token file says so before anything
      SolrOptions options = solr.options();
      Path savedDir = savedSearches != null ? savedSearches : Path.of(".");
      serve(
          SolrEngine.open(options, config.source(), mapper),
          savedDir,
          "Solr " + options,
          server,
          access);
    }
    return 0;
  }

  /**
   * Serves the index until the JVM is asked to stop (Ctrl-C), then closes the server, the saved
   * searches (kept beside the index) and the index.
   */
  static void serve(Path index, ConfigOption config, ServerOptions options) throws Exception {
    WriteAccess access = options.writeAccess(); // a bad token file says so before anything
    serve(
        SearchServices.open(index, config.source(), Json.newMapper()),
        index,
        index.toString(),
        options,
        access);
  }

  /**
   * Serves {@code engine}, with the saved searches kept in {@code savedDir}, until the JVM is asked
   * to stop (Ctrl-C), then closes all of it.
   */
  static void serve(
      Engine engine, Path savedDir, String what, ServerOptions options, WriteAccess access)
      throws Exception {
    String host = options.host;
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    ObjectMapper mapper = Json.newMapper();
    try (Engine services = engine;
        SavedSearches saved =
            new SavedSearches(SavedSearchStore.beside(savedDir, mapper), services);
        WebServer server =
            new WebServer(services, mapper, saved, access).start(host, options.port)) {
      // On Ctrl-C the JVM runs this hook; holding it until the server and index are closed
      // keeps the JVM from halting half-way through.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopping.countDown();
                    awaitQuietly(closed);
                  },
                  "shutdown"));
      System.out.println(
          "imr-search is serving "
              + what
              + " at http://"
              + host
              + ":"
              + server.port()
              + "/  (Ctrl-C stops it)");
      if (!access.requiresToken()) {
        System.out.println(
            "Saved searches can be changed from this machine only (--token-file allows others).");
      }
      System.out.flush();
      stopping.await();
    } finally {
      closed.countDown();
    }
    System.out.println("imr-search stopped.");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
