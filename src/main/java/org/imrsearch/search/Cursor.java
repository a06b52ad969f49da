package org.imrsearch.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.imrsearch.query.BadRequestException;

/**
 * The opaque "next page" cursor of search-after paging: the last hit's score (or date) and document
 * number. Valid while the index does not change under it; a stale cursor gives a slightly shifted
 * page, never an error.
 */
final class Cursor {
  private static final Pattern FORMAT = Pattern.compile("([rd])\\.(-?\\d+)\\.(\\d+)");

  private Cursor() {}

  static String encode(ScoreDoc last, boolean byDate) {
    if (byDate) {
      return "d." + ((FieldDoc) last).fields[0] + "." + last.doc;
    }
    return "r." + Float.floatToIntBits(last.score) + "." + last.doc;
  }

  static ScoreDoc decode(String cursor, boolean byDate) {
    Matcher m = FORMAT.matcher(cursor);
    if (!m.matches() || (m.group(1).equals("d") != byDate)) {
      throw new BadRequestException(
          "after is not a cursor of this sort order: use the 'next' value of the previous page");
    }
    try {
      int doc = Integer.parseInt(m.group(3));
      long value = Long.parseLong(m.group(2));
      return byDate
          ? new FieldDoc(doc, Float.NaN, new Object[] {value})
          : new ScoreDoc(doc, Float.intBitsToFloat((int) value));
    } catch (NumberFormatException e) {
      throw new BadRequestException("after is not a valid cursor");
    }
  }
}
