package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrsearch.TestIndex;
import org.imrsearch.TestLetters;
import org.imrsearch.config.ConfigSource;
import org.imrsearch.model.Json;
import org.imrsearch.query.BadRequestException;
import org.imrsearch.query.Filter;
import org.imrsearch.search.PrecedentRequest.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precedent finder on the 144 real letters; the expected decisions were read in the letters
 * (the acupuncture requests of CM17-0010885, CM16-0230548 and CM16-0242419 were overturned, the
 * ones of CM16-0248698 and CM17-0011703 upheld; CM17-0005418 is a transforaminal epidural at L4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrecedentServiceTest {
  private static final String ESI =
      "lumbar epidural steroid injection L4-5, radiculopathy on MRI, failed 6 weeks of PT";
  private static final String ACUPUNCTURE = "acupuncture 6 sessions for chronic neck pain";

  private SearchServices services;

  @BeforeAll
  void index(@TempDir Path dir) throws IOException, InterruptedException {
    TestIndex.build(dir, List.of(TestLetters.REAL_PDFS));
    services = SearchServices.open(dir, ConfigSource.bundled(), Json.newMapper(), 0);
  }

  @AfterAll
  void close() throws IOException {
    services.close();
  }

  private Precedents find(String text, Map<Filter, List<String>> filters, Order order)
      throws IOException {
    return services.precedents(new PrecedentRequest(text, filters, order, 10));
  }

  private static List<String> ids(Precedents p) {
    return p.precedents().stream().map(x -> x.decision().decisionId()).toList();
  }

  @Test
  void aPastedRequestFindsDecisionsOnTheSameTreatmentWithTheWordsThatWeighed() throws IOException {
    Precedents p = find(ESI, Map.of(), Order.SIMILARITY);
    assertEquals("CM17-0005418#1", ids(p).get(0));
    for (Precedents.Precedent x : p.precedents().subList(0, 5)) {
      assertTrue(
          x.decision().item().toLowerCase(Locale.ROOT).contains("epidural"), x.decision().item());
    }
    List<String> weighed = p.terms().stream().map(Precedents.WeightedTerm::term).toList();
    assertTrue(
        weighed.containsAll(List.of("epidural", "steroid", "radiculopathy", "l4")), "" + weighed);
    assertEquals(1f, p.terms().get(0).weight());
    List<String> why =
        p.precedents().get(0).why().stream().map(Precedents.WeightedTerm::term).toList();
    assertTrue(why.containsAll(List.of("l4", "epidural", "steroid", "radiculopathy")), "" + why);
    assertTrue(
        p.precedents().get(0).decision().passages().stream().anyMatch(s -> s.contains("<mark>")));
  }

  @Test
  void overturnedDecisionsAmongTheClosestComeFirstByDefault() throws IOException {
    Precedents p = find(ACUPUNCTURE, Map.of(), null);
    assertEquals("overturned_first", p.order());
    assertEquals(
        List.of("CM17-0010885#1", "CM16-0230548#2", "CM16-0242419#1", "CM16-0248698#3"),
        ids(p).subList(0, 4));
    assertEquals("upheld", p.precedents().get(3).decision().outcome());
  }

  @Test
  void similarityOrderRanksByScoreAlone() throws IOException {
    Precedents p = find(ACUPUNCTURE, Map.of(), Order.SIMILARITY);
    assertEquals(List.of("CM17-0010885#1", "CM16-0248698#3"), ids(p).subList(0, 2));
    for (int i = 1; i < p.precedents().size(); i++) {
      assertTrue(p.precedents().get(i - 1).score() >= p.precedents().get(i).score());
    }
  }

  @Test
  void anOverturnedDecisionFarLessSimilarThanTheClosestDoesNotGoFirst() throws IOException {
    // No overturned lumbar epidural among the real letters: the upheld ones stay on top.
    assertEquals(ids(find(ESI, Map.of(), Order.SIMILARITY)), ids(find(ESI, Map.of(), null)));
  }

  @Test
  void everySearchFilterHolds() throws IOException {
    Precedents upheld = find(ACUPUNCTURE, Map.of(Filter.OUTCOME, List.of("Upheld")), null);
    assertTrue(upheld.precedents().size() > 3);
    upheld.precedents().forEach(x -> assertEquals("upheld", x.decision().outcome()));
    Precedents odg = find(ESI, Map.of(Filter.GUIDELINE, List.of("odg")), Order.SIMILARITY);
    assertTrue(odg.precedents().size() > 3);
    odg.precedents().forEach(x -> assertTrue(x.decision().guidelines().contains("ODG")));
  }

  @Test
  void aRequestWithNoTellingWordsHasNoPrecedents() throws IOException {
    Precedents p = find("the of and to it", Map.of(), null);
    assertEquals(List.of(), p.terms());
    assertEquals(List.of(), p.precedents());
  }

  @Test
  void emptyOrOverlongTextIsRefusedWithAReason() {
    assertTrue(
        assertThrows(
                BadRequestException.class, () -> new PrecedentRequest("  ", Map.of(), null, 10))
            .getMessage()
            .contains("text is required"));
    String tooLong = "a".repeat(PrecedentRequest.MAX_TEXT + 1);
    assertTrue(
        assertThrows(
                BadRequestException.class, () -> new PrecedentRequest(tooLong, Map.of(), null, 10))
            .getMessage()
            .contains("too long"));
    assertThrows(BadRequestException.class, () -> new PrecedentRequest("mri", Map.of(), null, 0));
  }
}
