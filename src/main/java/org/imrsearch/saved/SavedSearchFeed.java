package org.imrsearch.saved;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.imrsearch.search.AddedDecision;
import org.imrsearch.search.Hit;

/**
 * Writes a saved search's Atom feed (RFC 4287, by ROME): one entry per decision indexed since the
 * search was saved, most recently indexed first. Entry ids name the decision ({@code
 * urn:imr-search:decision:LETTER:N}), not the feed or the time, so a reader polling the feed sees
 * each decision once however often it polls; a re-ingested letter's decisions keep their ids and
 * only their {@code updated} time moves. Stateless.
 */
public final class SavedSearchFeed {
  public static final String CONTENT_TYPE = "application/atom+xml";

  private SavedSearchFeed() {}

  /** The stable id of decision {@code decisionId} ("LETTER#N") as an Atom entry id. */
  public static String entryId(String decisionId) {
    int hash = decisionId.lastIndexOf('#');
    return "urn:imr-search:decision:"
        + urnPart(decisionId.substring(0, hash))
        + ":"
        + decisionId.substring(hash + 1);
  }

  /** The feed's id: one per saved search, for as long as it exists. */
  public static String feedId(long savedSearchId) {
    return "urn:imr-search:saved-search:" + savedSearchId;
  }

  /**
   * The feed of {@code search} with {@code added} as entries, links made absolute with {@code
   * siteUrl} ("http://host:port").
   */
  public static String write(SavedSearch search, List<AddedDecision> added, String siteUrl) {
    Feed feed = new Feed("atom_1.0");
    feed.setId(feedId(search.id()));
    feed.setTitle("imr-search: " + search.name());
    Content subtitle = new Content();
    subtitle.setValue("Decisions matching this saved search added since " + search.savedAt());
    feed.setSubtitle(subtitle);
    // The feed changed when its newest entry came in; with none yet, when it was saved.
    Instant updated = added.isEmpty() ? search.savedAt() : added.get(0).indexedAt();
    feed.setUpdated(Date.from(updated));
    feed.setAuthors(authors());
    feed.setAlternateLinks(List.of(link("alternate", siteUrl + "/?" + searchQuery(search))));
    feed.setOtherLinks(
        List.of(link("self", siteUrl + "/api/saved-searches/" + search.id() + "/feed")));
    List<Entry> entries = new ArrayList<>();
    for (AddedDecision a : added) {
      entries.add(entry(a, siteUrl));
    }
    feed.setEntries(entries);
    try {
      return new WireFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("the feed could not be written", e); // a bug: all is set
    }
  }

  private static Entry entry(AddedDecision added, String siteUrl) {
    Hit hit = added.decision();
    Entry entry = new Entry();
    entry.setId(entryId(hit.decisionId()));
    entry.setTitle(hit.item() + ": " + hit.outcome());
    entry.setUpdated(Date.from(added.indexedAt()));
    entry.setPublished(Date.from(added.indexedAt()));
    String letter =
        siteUrl
            + "/letter.html?id="
            + URLEncoder.encode(hit.letterId(), StandardCharsets.UTF_8)
            + "&decision="
            + URLEncoder.encode(hit.decisionId(), StandardCharsets.UTF_8);
    entry.setAlternateLinks(List.of(link("alternate", letter)));
    Category outcome = new Category();
    outcome.setTerm(hit.outcome());
    outcome.setLabel("Outcome: " + hit.outcome());
    entry.setCategories(List.of(outcome));
    Content summary = new Content();
    summary.setType(Content.HTML);
    summary.setValue(summaryHtml(hit));
    entry.setSummary(summary);
    return entry;
  }

  /**
   * The decision's facts and its rationale passages. Passages come HTML-escaped with only {@code
   * <mark>} added (letters are untrusted); the facts are escaped here.
   */
  private static String summaryHtml(Hit hit) {
    StringBuilder html = new StringBuilder("<p>");
    html.append(escape(hit.caseNumber() == null ? "no case number" : hit.caseNumber()));
    html.append(" \u00b7 ").append(hit.decisionDate() == null ? "undated" : hit.decisionDate());
    html.append(" \u00b7 ").append(escape(hit.outcome()));
    if (!hit.specialties().isEmpty()) {
      html.append(" \u00b7 ").append(escape(String.join(", ", hit.specialties())));
    }
    if (!hit.guidelines().isEmpty()) {
      html.append(" \u00b7 ").append(escape(String.join(", ", hit.guidelines())));
    }
    html.append("</p>");
    for (String passage : hit.passages()) {
      html.append("<p>").append(passage).append("</p>");
    }
    return html.toString();
  }

  /** The search page's parameters for the saved search. */
  static String searchQuery(SavedSearch search) {
    List<String> parts = new ArrayList<>();
    if (!search.q().isEmpty()) {
      parts.add("q=" + URLEncoder.encode(search.q(), StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, List<String>> f : search.filters().entrySet()) {
      for (String v : f.getValue()) {
        parts.add(f.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return parts.stream().collect(Collectors.joining("&"));
  }

  private static List<SyndPerson> authors() {
    Person author = new Person();
    author.setName("imr-search");
    return List.of(author);
  }

  private static Link link(String rel, String href) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(href);
    return link;
  }

  /** Letter ids are file names: anything but URN-safe characters is percent-encoded. */
  private static String urnPart(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
