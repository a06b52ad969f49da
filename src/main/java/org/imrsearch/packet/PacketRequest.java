package org.imrsearch.packet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;

/**
 * What a packet holds and how it is written. The query and filters are only printed on the cover
 * (the search that produced the picks); they select nothing.
 *
 * @param decisions the picked decisions, in the order asked, each once
 * @param query the search's words ("" for none)
 * @param filters the search's filters, as the API takes them
 */
public record PacketRequest(
    List<DecisionRef> decisions, String query, Map<Filter, List<String>> filters, Format format) {

  /** The most decisions one packet holds: about 300 pages of PDF. */
  public static final int MAX_DECISIONS = 100;

  /** How a packet is written. */
  public enum Format {
    PDF,
    HTML
  }

  public PacketRequest {
    decisions = List.copyOf(new LinkedHashSet<>(decisions));
    if (decisions.isEmpty()) {
      throw new BadRequestException("a packet needs decisions: ids=LETTERID:N,LETTERID:N,...");
    }
    if (decisions.size() > MAX_DECISIONS) {
      throw new BadRequestException(
          "a packet holds at most "
              + MAX_DECISIONS
              + " decisions, and "
              + decisions.size()
              + " were picked: make two packets");
    }
    query = query == null ? "" : query.strip();
    filters = Map.copyOf(filters);
    format = format == null ? Format.PDF : format;
  }

  /**
   * Parses the {@code ids} parameter: {@code LETTERID:N} separated by commas.
   *
   * @throws BadRequestException naming the first id that is not of that form
   */
  public static List<DecisionRef> parseIds(String ids) {
    List<DecisionRef> refs = new ArrayList<>();
    for (String part : (ids == null ? "" : ids).split(",")) {
      if (!part.isBlank()) {
        refs.add(DecisionRef.parse(part));
      }
    }
    return refs;
  }
}
