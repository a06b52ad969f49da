package org.imrsearch.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imrsearch.model.Outcome;
import org.imrsearch.original.Original;
import org.imrsearch.query.Filter;
import org.imrsearch.rates.Comparison;
import org.imrsearch.rates.DecisionTimes;
import org.imrsearch.rates.Distinctive;
import org.imrsearch.rates.RateTable;
import org.imrsearch.search.AddedDecision;
import org.imrsearch.search.ExportService;
import org.imrsearch.search.FacetGroup;
import org.imrsearch.search.Hit;
import org.imrsearch.search.IndexHealth;
import org.imrsearch.search.LetterView;
import org.imrsearch.search.PrecedentRequest;
import org.imrsearch.search.Precedents;
import org.imrsearch.search.SearchRequest;
import org.imrsearch.search.SearchResult;

/**
 * What the web layer asks of a search engine: every read of the JSON API, in the API's own terms
 * (records that Jackson renders as they are). Two engines answer it with the same answers: the
 * embedded Lucene index ({@link org.imrsearch.search.SearchServices}) and a SolrCloud collection
 * ({@code org.imrsearch.solr.SolrEngine}).
 *
 * <p>Errors are the search layer's own types: {@link org.imrsearch.query.BadRequestException} for a
 * request the user can fix, {@link org.imrsearch.search.TimeLimitException}, {@link
 * org.imrsearch.search.NotFoundException}, {@link org.imrsearch.search.ExpiredCursorException}, and
 * {@link EngineUnavailableException} when the engine cannot answer now (a cluster down or slow).
 */
public interface Engine extends AutoCloseable {

  /** One page of decisions with facets, highlights and a cursor to the next page. */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * All values of one facet among the decisions {@code request} selects, counted as the sidebar
   * counts them; for a hierarchical facet, the children of {@code path} ("" for the top level).
   */
  FacetGroup facetValues(
      SearchRequest request, Filter facet, String path, String contains, int limit)
      throws IOException;

  /** One letter with its decisions, highlighted for {@code query} (may be null). */
  LetterView letter(String id, String query) throws IOException;

  /**
   * The original file letter {@code id} was ingested from, read now and checked against its ingest
   * record. The path comes only from the engine's record of that letter (absolute, normalized, with
   * the ingest input it was found under as its root, size and SHA-256), never from the request; an
   * implementation reads it with {@link org.imrsearch.original.OriginalFiles#read}, which serves
   * only a file whose real path (symlinks resolved) is inside its root's real path and whose size
   * and SHA-256 are the recorded ones.
   *
   * @throws org.imrsearch.search.NotFoundException for an unknown id, a letter not read from a
   *     file, a path outside the ingested roots, or a file no longer there ("the original file is
   *     no longer at PATH")
   * @throws org.imrsearch.original.ChangedFileException when the file's size or SHA-256 changed
   *     since it was ingested ("the file changed since it was ingested")
   */
  Original original(String id) throws IOException;

  /**
   * Decisions of other letters most like letter {@code id}'s (its decision number {@code decision}
   * only when 1 or more; of outcome {@code outcome} only when not null).
   */
  List<Hit> similar(String id, int decision, Outcome outcome) throws IOException;

  /**
   * The decisions most like a treatment request pasted as written (MoreLikeThis over items and
   * rationales), within {@code request}'s filters (every filter of search, applied as search
   * applies them), overturned ones first unless {@code request.order()} says similarity alone. Each
   * precedent carries its decision as a search hit (rationale passages highlighted for the
   * request's weighed words), its score, and the request's weighed words it has; the answer also
   * lists all weighed words, heaviest first, with weights scaled so the heaviest is 1. A request
   * none of whose words tells decisions apart has no precedents (an empty list, not an error).
   * Invalid requests are refused by {@link PrecedentRequest}'s constructor.
   */
  Precedents precedents(PrecedentRequest request) throws IOException;

  /**
   * At most {@code limit} (1 to 500) decisions matching {@code query} and {@code filters} whose
   * letters were indexed at or after {@code since}, the most recently indexed first (a letter's
   * decisions in letter order): the entries of a saved search's feed. A re-ingested letter counts
   * as indexed when it was indexed again.
   */
  List<AddedDecision> addedSince(
      String query, Map<Filter, List<String>> filters, Instant since, int limit) throws IOException;

  /** Overturn rates of the selected decisions grouped by one or two facets. */
  RateTable rates(String query, Map<Filter, List<String>> filters, List<Filter> by)
      throws IOException;

  /** Overturn rates of two selections within the selected decisions, and their difference. */
  Comparison compare(
      String query,
      Map<Filter, List<String>> filters,
      Map<Filter, List<String>> a,
      Map<Filter, List<String>> b)
      throws IOException;

  /** Days from application to decision, against the statutory deadlines, by {@code by}. */
  DecisionTimes times(String query, Map<Filter, List<String>> filters, Filter by)
      throws IOException;

  /** Words that set the selected decisions' rationales apart from {@code against}'s. */
  Distinctive distinctive(String query, Map<Filter, List<String>> filters, String against)
      throws IOException;

  /** What the engine holds and whether it answers. */
  IndexHealth health() throws IOException;

  /**
   * Checks the request and returns the export, which streams every selected decision when written;
   * errors found before writing are still thrown here (so they can be a 400).
   */
  ExportService.Export export(
      String query,
      Map<Filter, List<String>> filters,
      ExportService.Format format,
      long limit,
      String siteUrl)
      throws IOException;

  @Override
  void close() throws IOException;
}
