package org.imrsearch.search;

import java.util.List;
import java.util.Map;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;

/**
 * A request for precedents: a treatment request pasted as written, the search filters to hold, the
 * order, and how many.
 *
 * @param text the request as written ("lumbar epidural steroid injection L4-5, radiculopathy on
 *     MRI, failed 6 weeks of PT"); not blank, at most {@link #MAX_TEXT} characters
 * @param filters selected values per filter, as in search
 * @param order overturned decisions first (the default), or by similarity alone
 * @param size how many decisions, 1 to {@link #MAX_SIZE}
 */
public record PrecedentRequest(
    String text, Map<Filter, List<String>> filters, Order order, int size) {
  /** Longer than any request for one treatment; a whole letter pasted is not what this is for. */
  public static final int MAX_TEXT = 5000;

  public static final int MAX_SIZE = 50;
  public static final int DEFAULT_SIZE = 10;

  /** How precedents are ordered. */
  public enum Order {
    /** Overturned decisions (the request approved on appeal) before upheld ones, each by score. */
    OVERTURNED_FIRST,
    /** By similarity alone, whatever the outcome. */
    SIMILARITY
  }

  public PrecedentRequest {
    text = text == null ? "" : text.strip();
    if (text.isEmpty()) {
      throw new BadRequestException(
          "text is required: paste the request as written, e.g. text=lumbar epidural steroid"
              + " injection L4-5");
    }
    if (text.length() > MAX_TEXT) {
      throw new BadRequestException(
          "text too long ("
              + text.length()
              + " characters, at most "
              + MAX_TEXT
              + "): paste the request for one treatment, not a whole letter");
    }
    filters = Map.copyOf(filters);
    order = order == null ? Order.OVERTURNED_FIRST : order;
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }
}
