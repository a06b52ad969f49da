package org.imrsearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.imrsearch.engine.Engine;
import org.imrsearch.engine.EngineUnavailableException;
import org.imrsearch.original.ChangedFileException;
import org.imrsearch.packet.Packets;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.saved.SavedSearches;
import org.imrsearch.search.ExpiredCursorException;
import org.imrsearch.search.NotFoundException;
import org.imrsearch.search.TimeLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API, the pages in {@code web/}, the charting library from its webjar,
 * security headers on every response, and errors as JSON with a message, never a stack trace.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /**
   * No inline script anywhere: letters are untrusted text, and pages only load our own files.
   * Inline style stays allowed because the charting library positions its tooltips with it.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors"
          + " 'none'";

  private final Javalin app;
  private final String notFoundPage = page("/web/404.html");

  /** A server without saved searches ({@code /api/saved-searches} answers 404). */
  public WebServer(Engine engine, ObjectMapper mapper) {
    this(engine, mapper, null, WriteAccess.loopbackOnly());
  }

  /**
   * A server with saved searches ({@code saved}, null for none), whose writes {@code access}
   * allows.
   */
  public WebServer(Engine engine, ObjectMapper mapper, SavedSearches saved, WriteAccess access) {
    ApiController api = new ApiController(engine);
    PacketController packets = new PacketController(new Packets(engine, mapper, Clock.systemUTC()));
    SavedSearchController savedApi =
        saved == null ? null : new SavedSearchController(saved, access, mapper);
    this.app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.startup.showJavalinBanner = false;
              config.staticFiles.add("/web", Location.CLASSPATH);
              config.staticFiles.enableWebjars();
              config.routes.before(WebServer::securityHeaders);
              config.routes.get("/api/search", api::search);
              config.routes.get("/api/facets/{name}", api::facetValues);
              config.routes.get("/api/letters/{id}", api::letter);
              config.routes.get("/api/letters/{id}/similar", api::similar);
              config.routes.get("/api/letters/{id}/original", api::original);
              config.routes.get("/api/stats/overturn-rates", api::overturnRates);
              config.routes.get("/api/stats/compare", api::compare);
              config.routes.get("/api/stats/time-to-decision", api::times);
              config.routes.get("/api/stats/distinctive", api::distinctive);
              config.routes.get("/api/health", api::health);
              config.routes.get("/api/export", api::export);
              config.routes.get("/api/packet", packets::packet);
              config.routes.get("/api/precedents", api::precedents);
              if (savedApi != null) {
                config.routes.get("/api/saved-searches", savedApi::list);
                config.routes.post("/api/saved-searches", savedApi::create);
                config.routes.get("/api/saved-searches/{id}", savedApi::get);
                config.routes.patch("/api/saved-searches/{id}", savedApi::rename);
                config.routes.delete("/api/saved-searches/{id}", savedApi::delete);
                config.routes.get("/api/saved-searches/{id}/feed", savedApi::feed);
              }
              // The services' own error types, each to its status, their message for the asker;
              // anything else is a bug: logged, and a 500 that tells nothing of the server.
              config.routes.exception(
                  BadRequestException.class,
                  (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
              config.routes.exception(
                  TimeLimitException.class,
                  (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
              config.routes.exception(
                  ExpiredCursorException.class,
                  (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
              config.routes.exception(
                  EngineUnavailableException.class,
                  (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
              config.routes.exception(
                  WriteRefusedException.class,
                  (e, ctx) -> {
                    boolean noToken = e.decision() == WriteAccess.Decision.UNAUTHORIZED;
                    if (noToken) {
                      ctx.header("WWW-Authenticate", "Bearer realm=\"imr-search\"");
                    }
                    error(
                        ctx,
                        noToken ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                        e.getMessage());
                  });
              config.routes.exception(
                  NotFoundException.class,
                  (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
              config.routes.exception(
                  ChangedFileException.class,
                  (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} failed", ctx.path(), e);
                    error(
                        ctx,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal error: the request could not be answered");
                  });
              config.routes.error(
                  404,
                  ctx -> {
                    String type = ctx.res().getContentType();
                    if (ctx.path().startsWith("/api/")) {
                      if (type == null || !type.startsWith("application/json")) {
                        error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.path());
                      }
                    } else {
                      // A person's mistyped address: a page with the site around it, not a
                      // line of plain text.
                      ctx.status(HttpStatus.NOT_FOUND).html(notFoundPage);
                    }
                  });
            });
  }

  private static String page(String resource) {
    try (InputStream in = WebServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(new ApiError(status.getCode(), status.getMessage(), message));
  }

  /** Starts listening; port 0 picks a free port (see {@link #port()}). */
  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
