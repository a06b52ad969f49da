package org.imrsearch.packet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrsearch.engine.Engine;
import org.imrsearch.model.Decision;
import org.imrsearch.model.Letter;
import org.imrsearch.query.Filter;
import org.imrsearch.search.LetterView;
import org.imrsearch.search.NotFoundException;

/**
 * Assembles precedent packets from an engine's letters: each picked decision with its letter's
 * fields and source file. Reads each letter once however many of its decisions were picked.
 * Thread-safe (it holds nothing but its engine, mapper and clock).
 */
public final class Packets {
  public static final String TITLE = "IMR precedent packet";

  private final Engine engine;
  private final ObjectMapper mapper;
  private final Clock clock;

  public Packets(Engine engine, ObjectMapper mapper, Clock clock) {
    this.engine = engine;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * The packet of {@code request}'s decisions, in the order picked.
   *
   * @throws NotFoundException naming the first picked letter or decision that does not exist
   */
  public Packet assemble(PacketRequest request) throws IOException {
    Map<String, LetterView> views = new HashMap<>();
    Map<String, Letter> letters = new HashMap<>();
    List<PacketDecision> decisions = new ArrayList<>();
    for (DecisionRef ref : request.decisions()) {
      LetterView view = views.get(ref.letterId());
      if (view == null) {
        try {
          view = engine.letter(ref.letterId(), null);
        } catch (NotFoundException e) {
          throw new NotFoundException(
              "no letter with id '" + ref.letterId() + "' (picked as " + ref + ")");
        }
        views.put(ref.letterId(), view);
        letters.put(ref.letterId(), mapper.readValue(view.letter(), Letter.class));
      }
      Letter letter = letters.get(ref.letterId());
      if (ref.number() > letter.decisions().size()) {
        throw new NotFoundException(
            "letter '"
                + ref.letterId()
                + "' has no decision "
                + ref.number()
                + " (it has "
                + letter.decisions().size()
                + ")");
      }
      decisions.add(decision(ref, letter, view));
    }
    return new Packet(
        TITLE, clock.instant(), request.query(), describe(request.filters()), decisions);
  }

  private static PacketDecision decision(DecisionRef ref, Letter letter, LetterView view) {
    Decision d = letter.decisions().get(ref.number() - 1);
    return new PacketDecision(
        ref,
        letter.caseNumber(),
        letter.decisionDate(),
        letter.reviewer().specialties(),
        d.item(),
        d.outcome(),
        d.claimsAdministratorGuideline(),
        d.reviewerGuideline(),
        d.rationale(),
        view.original() == null ? null : view.original().fileName(),
        view.original() == null ? null : view.original().sha256());
  }

  /** The filters in words, in the order pages show them: "Reviewer specialty: A, B". */
  private static List<String> describe(Map<Filter, List<String>> filters) {
    List<String> lines = new ArrayList<>();
    for (Filter f : Filter.values()) {
      List<String> values = filters.get(f);
      if (values != null && !values.isEmpty()) {
        lines.add(f.label() + ": " + String.join(", ", values));
      }
    }
    return lines;
  }
}
