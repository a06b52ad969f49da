package org.imrsearch.packet;

import java.time.Instant;
import java.util.List;

/**
 * A precedent packet, ready to write: the cover's facts and the decisions in the order picked.
 *
 * @param generated when it was made
 * @param query the search's words ("" for none)
 * @param filters the search's filters in words, one "label: value, value" each
 */
public record Packet(
    String title,
    Instant generated,
    String query,
    List<String> filters,
    List<PacketDecision> decisions) {

  public Packet {
    filters = List.copyOf(filters);
    decisions = List.copyOf(decisions);
  }
}
