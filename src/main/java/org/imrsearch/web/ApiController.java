package org.imrsearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.imrsearch.model.Outcome;
import org.imrsearch.query.Filter;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.SearchServices;

/** The JSON API: each handler parses the request, calls one service method, and renders. */
final class ApiController {
  private final SearchServices services;

  ApiController(SearchServices services) {
    this.services = services;
  }

  void search(Context ctx) throws IOException {
    ctx.json(services.search().search(RequestParams.search(ctx)));
  }

  void facetValues(Context ctx) throws IOException {
    ctx.json(
        services
            .search()
            .facetValues(
                RequestParams.search(ctx),
                Filter.parse(ctx.pathParam("name")),
                RequestParams.text(ctx, "path"),
                RequestParams.text(ctx, "contains"),
                RequestParams.integer(ctx, "limit", 200)));
  }

  void letter(Context ctx) throws IOException {
    ctx.json(services.letters().letter(ctx.pathParam("id"), ctx.queryParam("q")));
  }

  void similar(Context ctx) throws IOException {
    ctx.json(
        services
            .letters()
            .similar(
                ctx.pathParam("id"),
                RequestParams.integer(ctx, "decision", 0),
                RequestParams.choice(ctx, "outcome", Outcome.class, null)));
  }

  void overturnRates(Context ctx) throws IOException {
    ctx.json(
        services
            .rates()
            .rates(
                RequestParams.query(ctx),
                RequestParams.filters(ctx),
                RequestParams.groupings(ctx)));
  }

  void compare(Context ctx) throws IOException {
    ctx.json(
        services
            .rates()
            .compare(
                RequestParams.query(ctx),
                RequestParams.filters(ctx),
                RequestParams.selection(ctx, "a"),
                RequestParams.selection(ctx, "b")));
  }

  void times(Context ctx) throws IOException {
    String by = RequestParams.text(ctx, "by");
    ctx.json(
        services
            .rates()
            .times(
                RequestParams.query(ctx),
                RequestParams.filters(ctx),
                by.isBlank() ? null : Filter.parse(by.strip())));
  }

  void distinctive(Context ctx) throws IOException {
    ctx.json(
        services
            .distinctive()
            .distinctive(
                RequestParams.query(ctx),
                RequestParams.filters(ctx),
                RequestParams.text(ctx, "against")));
  }

  void health(Context ctx) throws IOException {
    ctx.json(services.health().health());
  }

  void export(Context ctx) throws IOException {
    ExportService.Format format =
        RequestParams.choice(ctx, "format", ExportService.Format.class, ExportService.Format.CSV);
    ExportService.Export export =
        services
            .export()
            .prepare(
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
