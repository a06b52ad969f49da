package org.imrsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.imrsearch.config.ConfigException;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.config.TableRow;

/**
 * The text analyzers, built from {@code analyzers.tsv}: "index" for letters as they are indexed,
 * "query" for what users type (the same chain plus query-time synonyms). Closing it closes both.
 */
public final class Analyzers implements AutoCloseable {
  private final Analyzer index;
  private final Analyzer query;

  private Analyzers(Analyzer index, Analyzer query) {
    this.index = index;
    this.query = query;
  }

  public static Analyzers load(ConfigSource config) {
    Map<String, CustomAnalyzer.Builder> builders = new LinkedHashMap<>();
    for (TableRow row : config.table("analyzers.tsv", 3)) {
      CustomAnalyzer.Builder builder =
          builders.computeIfAbsent(row.cell(0), k -> CustomAnalyzer.builder(config.luceneLoader()));
      Map<String, String> params = params(row);
      try {
        switch (row.cell(1)) {
          case "tokenizer" -> builder.withTokenizer(row.cell(2), new HashMap<>(params));
          case "filter" -> builder.addTokenFilter(row.cell(2), new HashMap<>(params));
          case "charFilter" -> builder.addCharFilter(row.cell(2), new HashMap<>(params));
          default ->
              throw row.error(
                  "component must be tokenizer, filter or charFilter, not '" + row.cell(1) + "'");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(row.file() + ":" + row.line() + ": " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    for (String required : List.of("index", "query")) {
      if (!builders.containsKey(required)) {
        throw new ConfigException("analyzers.tsv: no '" + required + "' analyzer defined");
      }
    }
    try {
      return new Analyzers(builders.get("index").build(), builders.get("query").build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigException("analyzers.tsv: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> params(TableRow row) {
    Map<String, String> params = new HashMap<>();
    String spec = row.cell(3);
    if (spec.isEmpty()) {
      return params;
    }
    for (String pair : spec.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw row.error("parameter '" + pair + "' is not key=value");
      }
      params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return params;
  }

  /** Analyzes text as it is indexed. */
  public Analyzer index() {
    return index;
  }

  /** Analyzes queries: the index chain plus synonyms. */
  public Analyzer query() {
    return query;
  }

  @Override
  public void close() {
    index.close();
    query.close();
  }
}
