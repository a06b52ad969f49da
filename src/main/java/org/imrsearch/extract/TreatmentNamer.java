package org.imrsearch.extract;

/** Names the treatment category of an item (index-config/treatments.tsv). */
@FunctionalInterface
interface TreatmentNamer {
  String categorize(String item);
}
