package org.imrsearch.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One matching decision, as search results show it.
 *
 * @param passages rationale passages with the matches in {@code <mark>}, all other text
 *     HTML-escaped (letters are untrusted input)
 */
public record Hit(
    String decisionId,
    String letterId,
    String caseNumber,
    LocalDate decisionDate,
    String item,
    String outcome,
    String treatment,
    List<String> specialties,
    List<String> guidelines,
    List<String> passages) {

  public Hit {
    specialties = List.copyOf(specialties);
    guidelines = List.copyOf(guidelines);
    passages = List.copyOf(passages);
  }
}
