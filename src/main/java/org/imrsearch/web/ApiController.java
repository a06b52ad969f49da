package org.imrsearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.imrsearch.engine.Engine;
import org.imrsearch.model.Outcome;
import org.imrsearch.original.Original;
import org.imrsearch.query.Filter;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.PrecedentRequest;

/** The JSON API: each handler parses the request, calls one service method, and renders. */
final class ApiController {
  /** The content security policy of an original letter: the file shown, and nothing else. */
  static final String ORIGINAL_POLICY =
      "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

  private final Engine engine;

  ApiController(Engine engine) {
    this.engine = engine;
  }

  void search(Context ctx) throws IOException {
    ctx.json(engine.search(RequestParams.search(ctx)));
  }

  void facetValues(Context ctx) throws IOException {
    ctx.json(
        engine.facetValues(
            RequestParams.search(ctx),
            Filter.parse(ctx.pathParam("name")),
            RequestParams.text(ctx, "path"),
            RequestParams.text(ctx, "contains"),
            RequestParams.integer(ctx, "limit", 200)));
  }

  void letter(Context ctx) throws IOException {
    ctx.json(engine.letter(ctx.pathParam("id"), ctx.queryParam("q")));
  }

  /** The letter's original file, inline, as it was ingested (see {@link Engine#original}). */
  void original(Context ctx) throws IOException {
    Original original = engine.original(ctx.pathParam("id"));
    ctx.contentType(original.contentType());
    ctx.header("Content-Disposition", ContentDisposition.inline(original.fileName()));
    ctx.header("X-Content-SHA256", original.sha256());
    // Nothing may run in the document, but a browser's PDF viewer embeds the file itself, which
    // the pages' policy (object-src 'none') could block.
    ctx.header("Content-Security-Policy", ORIGINAL_POLICY);
    ctx.result(original.content());
  }

  void similar(Context ctx) throws IOException {
    ctx.json(
        engine.similar(
            ctx.pathParam("id"),
            RequestParams.integer(ctx, "decision", 0),
            RequestParams.choice(ctx, "outcome", Outcome.class, null)));
  }

  void precedents(Context ctx) throws IOException {
    ctx.json(
        engine.precedents(
            new PrecedentRequest(
                RequestParams.text(ctx, "text"),
                RequestParams.filters(ctx),
                RequestParams.choice(
                    ctx,
                    "order",
                    PrecedentRequest.Order.class,
                    PrecedentRequest.Order.OVERTURNED_FIRST),
                RequestParams.integer(ctx, "size", PrecedentRequest.DEFAULT_SIZE))));
  }

  void overturnRates(Context ctx) throws IOException {
    ctx.json(
        engine.rates(
            RequestParams.query(ctx), RequestParams.filters(ctx), RequestParams.groupings(ctx)));
  }

  void compare(Context ctx) throws IOException {
    ctx.json(
        engine.compare(
            RequestParams.query(ctx),
            RequestParams.filters(ctx),
            RequestParams.selection(ctx, "a"),
            RequestParams.selection(ctx, "b")));
  }

  void times(Context ctx) throws IOException {
    String by = RequestParams.text(ctx, "by");
    ctx.json(
        engine.times(
            RequestParams.query(ctx),
            RequestParams.filters(ctx),
            by.isBlank() ? null : Filter.parse(by.strip())));
  }

  void distinctive(Context ctx) throws IOException {
    ctx.json(
        engine.distinctive(
            RequestParams.query(ctx),
            RequestParams.filters(ctx),
            RequestParams.text(ctx, "against")));
  }

  void health(Context ctx) throws IOException {
    ctx.json(engine.health());
  }

  void export(Context ctx) throws IOException {
    ExportService.Format format =
        RequestParams.choice(ctx, "format", ExportService.Format.class, ExportService.Format.CSV);
    ExportService.Export export =
        engine.export(
            RequestParams.query(ctx),
            RequestParams.filters(ctx),
            format,
            RequestParams.longValue(ctx, "limit", Long.MAX_VALUE),
            ctx.scheme() + "://" + ctx.host());
    boolean csv = format == ExportService.Format.CSV;
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"imr-decisions." + (csv ? "csv" : "jsonl") + "\"");
    export.writeTo(ctx.outputStream());
  }
}
