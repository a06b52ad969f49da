package org.imrsearch.packet;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.imrsearch.model.Guideline;
import org.imrsearch.model.Outcome;

/** The words both packet formats print, so the HTML page and the PDF say the same things. */
final class PacketText {
  static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private PacketText() {}

  static String query(Packet p) {
    return p.query().isEmpty() ? "(no words: all decisions)" : p.query();
  }

  static List<String> filters(Packet p) {
    return p.filters().isEmpty() ? List.of("(none)") : p.filters();
  }

  static String count(Packet p) {
    int n = p.decisions().size();
    return n + (n == 1 ? " decision" : " decisions");
  }

  static String heading(int index, PacketDecision d) {
    String letter = d.caseNumber() == null ? d.ref().letterId() : d.caseNumber();
    return index + ". " + letter + " \u2014 " + d.item();
  }

  static String outcome(Outcome outcome) {
    return outcome == Outcome.OVERTURNED ? "Overturned" : "Upheld";
  }

  static String orNotStated(Object value) {
    return value == null || value.toString().isBlank() ? "not stated" : value.toString();
  }

  static String specialties(PacketDecision d) {
    return d.specialties().isEmpty() ? "not stated" : String.join(", ", d.specialties());
  }

  static String guideline(Guideline g) {
    return g.text().isBlank() ? "No guideline cited." : g.text();
  }

  static String citations(Guideline g) {
    return g.citations().isEmpty() ? "none" : String.join("; ", g.citations());
  }

  static String file(PacketDecision d) {
    return d.fileName() == null ? "not read from a file" : d.fileName();
  }
}
