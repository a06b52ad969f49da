package org.imrsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.search.SearchServices;
import org.imrsearch.web.WebServer;

/** The server over an index built by a test, on a free port, and a client to ask it. */
public final class TestServer implements AutoCloseable {
  private final HttpClient http = HttpClient.newHttpClient();
  private final SearchServices services;
  private final WebServer server;

  private TestServer(SearchServices services, WebServer server) {
    this.services = services;
    this.server = server;
  }

  /** Serves {@code index} (the bundled index-config) on 127.0.0.1 and a free port. */
  public static TestServer over(Path index, ObjectMapper mapper) throws IOException {
    SearchServices services = SearchServices.open(index, ConfigSource.bundled(), mapper);
    try {
      return new TestServer(services, new WebServer(services, mapper).start("127.0.0.1", 0));
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
  }

  public SearchServices services() {
    return services;
  }

  /** {@code GET path} (with its query), the body as bytes. */
  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() throws IOException {
    server.close();
    services.close();
  }
}
