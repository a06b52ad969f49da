package org.imrsearch.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.imrsearch.index.IndexField;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.query.QuerySyntax;

/**
 * The decisions a search selects that were indexed since a given time, most recently indexed first:
 * what a saved search's feed lists. Thread-safe.
 */
public final class AddedSinceService {
  /** More entries than a feed reader polling now and then needs at once. */
  public static final int MAX_LIMIT = 500;

  private final IndexSearchers searchers;
  private final QuerySyntax syntax;
  private final SearchService search;
  private final Duration timeout;

  public AddedSinceService(
      IndexSearchers searchers, QuerySyntax syntax, SearchService search, Duration timeout) {
    this.searchers = searchers;
    this.syntax = syntax;
    this.search = search;
    this.timeout = timeout;
  }

  /**
   * At most {@code limit} decisions matching {@code query} and {@code filters} whose letters were
   * indexed at or after {@code since}, most recently indexed first (a letter's decisions in letter
   * order), with their rationale passages marked for the query.
   */
  public List<AddedDecision> addedSince(
      String query, Map<Filter, List<String>> filters, Instant since, int limit)
      throws IOException {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    try (IndexSearchers.Snapshot snapshot = searchers.acquire()) {
      IndexSearcher searcher = snapshot.searcher(timeout);
      Query parsed = syntax.parse(query, searcher);
      DrillDownQuery selected =
          Filter.drillDown(searchers.facetsConfig(), parsed, snapshot.asIndexed(filters));
      Query recent =
          new BooleanQuery.Builder()
              .add(selected, BooleanClause.Occur.MUST)
              .add(
                  LongField.newRangeQuery(
                      IndexField.INDEXED_AT.fieldName(), since.toEpochMilli(), Long.MAX_VALUE),
                  BooleanClause.Occur.FILTER)
              .build();
      Sort newestIndexedFirst =
          new Sort(
              LongField.newSortField(
                  IndexField.INDEXED_AT.fieldName(), true, SortedNumericSelector.Type.MIN),
              SortField.FIELD_DOC);
      TopDocs top = searcher.search(recent, limit, newestIndexedFirst);
      if (searcher.timedOut()) {
        throw new TimeLimitException("the saved search", timeout, "narrow it");
      }
      List<Hit> hits = search.hits(searcher, parsed, top);
      List<AddedDecision> added = new ArrayList<>(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        ScoreDoc sd = top.scoreDocs[i];
        long millis = (Long) ((FieldDoc) sd).fields[0];
        added.add(new AddedDecision(hits.get(i), Instant.ofEpochMilli(millis)));
      }
      return added;
    }
  }
}
