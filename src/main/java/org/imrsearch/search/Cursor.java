package org.imrsearch.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.imrsearch.query.BadRequestException;

/**
 * The opaque "next page" cursor of search-after paging: the point in time the previous page was
 * searched on (a reader version recorded in {@link IndexSearchers}), and that page's last hit: its
 * score (or date) and document number. The next page is searched on the same point in time, so
 * paging stays exact while the index changes; once that point in time has been let go, the cursor
 * is refused ({@link ExpiredCursorException}), never answered with a shifted page.
 *
 * @param pointInTime the version of the reader the previous page came from
 * @param last the previous page's last hit
 */
record Cursor(long pointInTime, ScoreDoc last) {
  private static final Pattern FORMAT = Pattern.compile("([rd])\\.(\\d+)\\.(-?\\d+)\\.(\\d+)");

  String encode(boolean byDate) {
    String after =
        byDate
            ? ((FieldDoc) last).fields[0] + "." + last.doc
            : Float.floatToIntBits(last.score) + "." + last.doc;
    return (byDate ? "d." : "r.") + pointInTime + "." + after;
  }

  static Cursor decode(String cursor, boolean byDate) {
    Matcher m = FORMAT.matcher(cursor);
    if (!m.matches() || (m.group(1).equals("d") != byDate)) {
      throw new BadRequestException(
          "after is not a cursor of this sort order: use the 'next' value of the previous page");
    }
    try {
      long pointInTime = Long.parseLong(m.group(2));
      long value = Long.parseLong(m.group(3));
      int doc = Integer.parseInt(m.group(4));
      return new Cursor(
          pointInTime,
          byDate
              ? new FieldDoc(doc, Float.NaN, new Object[] {value})
              : new ScoreDoc(doc, Float.intBitsToFloat((int) value)));
    } catch (NumberFormatException e) {
      throw new BadRequestException("after is not a valid cursor");
    }
  }
}
