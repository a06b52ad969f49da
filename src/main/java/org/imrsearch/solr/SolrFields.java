package org.imrsearch.solr;

import java.util.ArrayList;
import java.util.List;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;

/**
 * How the index's fields ({@link IndexField}) are laid out in a Solr collection. One Solr document
 * per decision, flat (no nested documents), carrying its letter's fields, and one per letter with
 * the text and the extracted letter. Field names are the index's own; the few that Solr needs
 * besides are named here.
 */
final class SolrFields {
  private SolrFields() {}

  /** Solr's unique key: the decision id ("letter#n") or, for a letter document, the letter id. */
  static final String ID = "id";

  /**
   * The prose of all the letter's decisions, on each decision, so "letter:" and "summary:" queries
   * need no join: each field of {@link #LETTER_PROSE} copied from every decision of the letter.
   */
  static final List<IndexField> LETTER_PROSE =
      List.of(IndexField.RATIONALE, IndexField.ITEM, IndexField.GUIDELINE_TEXT);

  /** The field holding the prose of {@code field} for the whole letter. */
  static String letterWide(IndexField field) {
    return "letter_" + field.fieldName();
  }

  /** The stored citations as written (the facet field holds them as depth-prefixed paths). */
  static String written(IndexField hierarchical) {
    return hierarchical.fieldName() + "_written";
  }

  /**
   * A hierarchical facet value as Solr keeps it: each level of the path as its own term, prefixed
   * by its depth ("0/MTUS", "1/MTUS/Low Back Complaints 2004"), so one level is counted with a
   * prefix and a path is filtered on with one term.
   */
  static List<String> levels(String path) {
    String[] parts = path.split("/");
    List<String> out = new ArrayList<>(parts.length);
    StringBuilder prefix = new StringBuilder();
    for (int depth = 0; depth < parts.length; depth++) {
      if (depth > 0) {
        prefix.append('/');
      }
      prefix.append(parts[depth]);
      out.add(depth + "/" + prefix);
    }
    return out;
  }

  /** The term of a path's last level ("MTUS/Low Back" -> "1/MTUS/Low Back"). */
  static String levelTerm(String path) {
    return (path.split("/").length - 1) + "/" + path;
  }

  /** The prefix of the terms one level below {@code path} ("" -> "0/", "MTUS" -> "1/MTUS/"). */
  static String childPrefix(String path) {
    return path.isEmpty() ? "0/" : path.split("/").length + "/" + path + "/";
  }

  /** A level's term as the path it stands for ("1/MTUS/Low Back" -> "MTUS/Low Back"). */
  static String path(String levelTerm) {
    return levelTerm.substring(levelTerm.indexOf('/') + 1);
  }

  static boolean hierarchical(IndexField field) {
    return Schema.isHierarchical(field);
  }
}
