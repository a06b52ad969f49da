/**
 * The values that flow through the pipeline: a {@link org.imrsearch.model.Letter} holds its {@link
 * org.imrsearch.model.Decision}s, each with the {@link org.imrsearch.model.Guideline} blocks of
 * both parties. All are immutable records that Jackson writes as they are; the JSON they make is
 * the extraction contract of {@code imr extract}.
 */
package org.imrsearch.model;
