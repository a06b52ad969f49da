package org.imrsearch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imrsearch.engine.Engine;
import org.imrsearch.model.Json;
import org.imrsearch.search.SearchServices;
import org.imrsearch.solr.SolrEngine;
import org.imrsearch.solr.SolrOptions;
import org.imrsearch.web.WebServer;
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

  @Mixin ServerOptions server;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws Exception {
    if ((index == null) == !solr.given()) {
      throw new UserError("give either --index DIR or --solr URL (with --collection NAME)");
    }
    if (index != null) {
      serve(index, config, server.host, server.port);
    } else {
      SolrOptions options = solr.options();
      serve(
          SolrEngine.open(options, config.source(), Json.newMapper()),
          options.toString(),
          server.host,
          server.port);
    }
    return 0;
  }

  /** Serves the index until the JVM is asked to stop (Ctrl-C), then closes the server and it. */
  static void serve(Path index, ConfigOption config, String host, int port) throws Exception {
    serve(
        SearchServices.open(index, config.source(), Json.newMapper()),
        index.toString(),
        host,
        port);
  }

  /** Serves {@code engine} until the JVM is asked to stop (Ctrl-C), then closes both. */
  static void serve(Engine engine, String what, String host, int port) throws Exception {
    CountDownLatch stopping = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (Engine services = engine;
        WebServer server = new WebServer(services, Json.newMapper()).start(host, port)) {
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
