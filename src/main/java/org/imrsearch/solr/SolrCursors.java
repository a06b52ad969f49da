package org.imrsearch.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.JavaBinCodec;
import org.imrsearch.index.IndexField;

/**
 * A Solr {@code cursorMark} for the page after a numbered page. Solr hands out a cursor only when a
 * search starts from one, and a numbered page past the first starts from an offset; the cursor is
 * the last hit's sort values (score or decision date, then id) encoded as Solr encodes them
 * (JavaBin, then Base64), so paging on from any page is exact, as on the embedded engine.
 */
final class SolrCursors {
  private SolrCursors() {}

  /**
   * The cursor after {@code last} under the search's sort (newest first, or by relevance), or null
   * when its sort value is missing (an undated decision sorts last; paging on from it would not be
   * exact).
   */
  static String after(SolrDocument last, boolean byDate) {
    Object first =
        byDate
            ? last.getFirstValue(IndexField.DECISION_DATE.fieldName())
            : last.getFirstValue("score");
    Object id = last.getFirstValue(SolrFields.ID);
    if (first == null || id == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JavaBinCodec codec = new JavaBinCodec()) {
      codec.marshal(List.of(first, id.toString()), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
