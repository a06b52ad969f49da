package org.imrsearch.search;

import java.time.Instant;

/**
 * A decision with the time the ingest indexed its letter: an entry of a saved search's feed.
 *
 * @param decision the decision as search shows it
 * @param indexedAt when its letter was indexed (again, if it was re-ingested)
 */
public record AddedDecision(Hit decision, Instant indexedAt) {}
