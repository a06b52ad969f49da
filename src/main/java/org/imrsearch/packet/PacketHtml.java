package org.imrsearch.packet;

import org.imrsearch.model.Guideline;

/**
 * A packet as one printable HTML page: a cover, then each decision on a page of its own when
 * printed. No scripts; every value from a letter is HTML-escaped, so a rationale that holds markup
 * prints as the text it is.
 */
public final class PacketHtml {
  private static final String STYLE =
      """
      body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto;
             padding: 0 1rem; color: #111; }
      h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 0; }
      dl { display: grid; grid-template-columns: 13rem 1fr; gap: .25rem 1rem; }
      dt { font-weight: bold; } dd { margin: 0; }
      .decision { border-top: 1px solid #999; padding-top: 1rem; margin-top: 2rem; }
      .rationale { white-space: pre-wrap; }
      .sha { font-family: monospace; word-break: break-all; }
      @media print { body { margin: 0; max-width: none; }
                     .decision { break-before: page; border: 0; margin: 0; } }
      """;

  private PacketHtml() {}

  /** The page for {@code packet}. */
  public static String render(Packet packet) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(packet.title()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<section class=\"cover\">\n<h1>")
        .append(escape(packet.title()))
        .append("</h1>\n<dl>\n");
    field(html, "Generated", PacketText.GENERATED.format(packet.generated()));
    field(html, "Query", PacketText.query(packet));
    field(html, "Filters", String.join("; ", PacketText.filters(packet)));
    field(html, "Decisions", PacketText.count(packet));
    html.append("</dl>\n</section>\n");
    int n = 0;
    for (PacketDecision d : packet.decisions()) {
      decision(html, ++n, d);
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void decision(StringBuilder html, int n, PacketDecision d) {
    html.append("<section class=\"decision\">\n<h2>")
        .append(escape(PacketText.heading(n, d)))
        .append("</h2>\n<dl>\n");
    field(html, "Case number", PacketText.orNotStated(d.caseNumber()));
    field(html, "Decision date", PacketText.orNotStated(d.decisionDate()));
    field(html, "Reviewer specialty", PacketText.specialties(d));
    field(html, "Item", d.item());
    field(html, "Outcome", PacketText.outcome(d.outcome()));
    guideline(html, "Claims administrator's", d.claimsAdministratorGuideline());
    guideline(html, "Reviewer's", d.reviewerGuideline());
    field(html, "Source file", PacketText.file(d));
    if (d.sha256() != null) {
      html.append("<dt>SHA-256</dt><dd class=\"sha\">")
          .append(escape(d.sha256()))
          .append("</dd>\n");
    }
    html.append("</dl>\n<h3>Rationale</h3>\n<p class=\"rationale\">")
        .append(escape(d.rationale()))
        .append("</p>\n</section>\n");
  }

  private static void guideline(StringBuilder html, String party, Guideline g) {
    field(html, party + " guideline", PacketText.guideline(g));
    field(html, party + " citations", PacketText.citations(g));
  }

  private static void field(StringBuilder html, String name, String value) {
    html.append("<dt>")
        .append(escape(name))
        .append("</dt><dd>")
        .append(escape(value))
        .append("</dd>\n");
  }

  /** Text as HTML text or attribute content: the five characters that could start markup. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
