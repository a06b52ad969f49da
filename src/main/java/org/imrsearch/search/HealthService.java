package org.imrsearch.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;
import org.imrsearch.query.QuerySyntax;

/**
 * The index's size, freshness and schema version, how the result cache is doing, and the facet bit
 * sets' memory.
 */
public final class HealthService {
  private final IndexSearchers searchers;
  private final ResultCache cache;

  public HealthService(IndexSearchers searchers, ResultCache cache) {
    this.searchers = searchers;
    this.cache = cache;
  }

  public IndexHealth health() throws IOException {
    searchers.refresh();
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher();
      long letters =
          searcher.count(
              new TermQuery(new Term(IndexField.DOC_TYPE.fieldName(), Schema.TYPE_LETTER)));
      long decisions = searcher.count(QuerySyntax.decisions());
      Map<String, String> commit = snapshot.commitData();
      return new IndexHealth(
          "ok",
          letters,
          decisions,
          commit.get(Schema.COMMIT_TIME),
          commit.get(Schema.COMMIT_SCHEMA_VERSION),
          cache.stats(),
          searchers.facetBitSetBytes(),
          "embedded");
    }
  }
}
