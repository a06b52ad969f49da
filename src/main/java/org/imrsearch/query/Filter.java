package org.imrsearch.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Query;
import org.imrsearch.index.IndexField;
import org.imrsearch.index.Schema;

/**
 * The facet dimensions users filter and group by, with the names the API and pages use. Several
 * values of one filter mean "any of them"; different filters must all hold.
 */
public enum Filter {
  SPECIALTY("specialty", IndexField.SPECIALTY, "Reviewer specialty"),
  GUIDELINE("guideline", IndexField.GUIDELINE, "Guideline (reviewer)"),
  OUTCOME("outcome", IndexField.OUTCOME, "Outcome"),
  TREATMENT("treatment", IndexField.TREATMENT, "Treatment"),
  YEAR("year", IndexField.YEAR, "Decision year"),
  MONTH("month", IndexField.DECISION_MONTH, "Decision month"),
  CITATION("citation", IndexField.CITATION, "Citation (reviewer)"),
  CA_GUIDELINE("caGuideline", IndexField.CA_GUIDELINE, "Guideline (claims administrator)"),
  CA_CITATION("caCitation", IndexField.CA_CITATION, "Citation (claims administrator)"),
  LICENSURE("licensure", IndexField.LICENSURE, "Licensure state"),
  SEX("sex", IndexField.SEX, "Patient sex"),
  AGE("age", IndexField.AGE_BAND, "Patient age"),
  PRIORITY("priority", IndexField.PRIORITY, "Priority"),
  LAYOUT("layout", IndexField.LAYOUT, "Letter layout");

  private final String param;
  private final IndexField field;
  private final String label;

  Filter(String param, IndexField field, String label) {
    this.param = param;
    this.field = field;
    this.label = label;
  }

  /** The request parameter and JSON name. */
  public String param() {
    return param;
  }

  public IndexField field() {
    return field;
  }

  /** A human label for pages. */
  public String label() {
    return label;
  }

  /** The facet dimension in the index. */
  public String dim() {
    return field.fieldName();
  }

  public static Optional<Filter> byParam(String param) {
    return Arrays.stream(values()).filter(f -> f.param.equalsIgnoreCase(param)).findFirst();
  }

  public static Filter parse(String param) {
    return byParam(param)
        .orElseThrow(
            () ->
                new BadRequestException(
                    "unknown grouping or filter '"
                        + param
                        + "'; use one of "
                        + Arrays.stream(values()).map(Filter::param).toList()));
  }

  /**
   * A value of this filter as its path: "MTUS/Low Back Complaints 2004" is two levels of citation.
   */
  public String[] path(String value) {
    return Schema.isHierarchical(field) ? value.split("/") : new String[] {value};
  }

  /** {@code query} narrowed to the selected values (values of one filter OR'ed). */
  public static DrillDownQuery drillDown(
      FacetsConfig config, Query query, Map<Filter, List<String>> filters) {
    DrillDownQuery drill = new DrillDownQuery(config, query);
    for (Map.Entry<Filter, List<String>> filter : filters.entrySet()) {
      for (String value : filter.getValue()) {
        drill.add(filter.getKey().dim(), filter.getKey().path(value));
      }
    }
    return drill;
  }

  @Override
  public String toString() {
    return param.toLowerCase(Locale.ROOT);
  }
}
