package org.imrsearch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.saved.SavedSearchFeed;
import org.imrsearch.saved.SavedSearches;

/**
 * {@code /api/saved-searches}: each handler checks write access (for writes), parses, calls one
 * {@link SavedSearches} method, and renders. Reads and feeds are open to all.
 */
final class SavedSearchController {
  /** What a client sends to save a search. */
  record SaveBody(String name, String q, Map<String, List<String>> filters) {}

  /** What a client sends to rename one. */
  record RenameBody(String name) {}

  private final SavedSearches saved;
  private final WriteAccess access;
  private final ObjectMapper mapper;

  SavedSearchController(SavedSearches saved, WriteAccess access, ObjectMapper mapper) {
    this.saved = saved;
    this.access = access;
    this.mapper = mapper;
  }

  void list(Context ctx) throws IOException {
    ctx.json(saved.list());
  }

  void get(Context ctx) throws IOException {
    ctx.json(saved.get(id(ctx)));
  }

  void create(Context ctx) throws IOException {
    requireWriteAccess(ctx);
    SaveBody body = body(ctx, SaveBody.class);
    ctx.status(HttpStatus.CREATED).json(saved.create(body.name(), body.q(), body.filters()));
  }

  void rename(Context ctx) throws IOException {
    requireWriteAccess(ctx);
    long id = id(ctx);
    ctx.json(saved.rename(id, body(ctx, RenameBody.class).name()));
  }

  void delete(Context ctx) throws IOException {
    requireWriteAccess(ctx);
    saved.delete(id(ctx));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  void feed(Context ctx) throws IOException {
    String xml = saved.feed(id(ctx), ctx.scheme() + "://" + ctx.host());
    ctx.contentType(SavedSearchFeed.CONTENT_TYPE + "; charset=utf-8").result(xml);
  }

  private void requireWriteAccess(Context ctx) throws IOException {
    InetAddress client = InetAddress.getByName(ctx.req().getRemoteAddr()); // an IP: no lookup
    WriteAccess.Decision decision = access.check(ctx.header("Authorization"), client);
    switch (decision) {
      case ALLOWED -> {}
      case UNAUTHORIZED ->
          throw new WriteRefusedException(
              decision,
              "saving, renaming and deleting need the server's token (Authorization: Bearer)");
      case FORBIDDEN ->
          throw new WriteRefusedException(
              decision,
              "this server accepts changes to saved searches only from its own machine; start it"
                  + " with --token-file to accept them from elsewhere");
    }
  }

  private static long id(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequestException("a saved search's id is a number, not '" + id + "'");
    }
  }

  private <T> T body(Context ctx, Class<T> type) {
    try {
      T body = mapper.readValue(ctx.body(), type);
      if (body == null) {
        throw new BadRequestException("the request body is empty: send a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new BadRequestException(
          "the request body is not the JSON expected: " + e.getOriginalMessage());
    }
  }
}
