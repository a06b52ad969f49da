package org.imrsearch.packet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.imrsearch.model.Guideline;

/**
 * A packet as a PDF: a cover page (title, when generated, the query and filters, how many
 * decisions), then each decision from the top of a new page, its rationale in full.
 */
public final class PacketPdf {
  private PacketPdf() {}

  /** The PDF of {@code packet}. */
  public static byte[] render(Packet packet) throws IOException {
    try (PDDocument document = new PDDocument();
        PdfLayout layout = new PdfLayout(document)) {
      info(document, packet);
      layout.title(packet.title());
      layout.field("Generated", PacketText.GENERATED.format(packet.generated()));
      layout.field("Query", PacketText.query(packet));
      layout.field("Filters", String.join("\n", PacketText.filters(packet)));
      layout.field("Decisions", PacketText.count(packet));
      int n = 0;
      for (PacketDecision d : packet.decisions()) {
        layout.newPage();
        decision(layout, ++n, d);
      }
      layout.finish(packet.title() + " \u00b7 " + PacketText.GENERATED.format(packet.generated()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static void decision(PdfLayout layout, int n, PacketDecision d) throws IOException {
    layout.heading(PacketText.heading(n, d));
    layout.field("Case number", PacketText.orNotStated(d.caseNumber()));
    layout.field("Decision date", PacketText.orNotStated(d.decisionDate()));
    layout.field("Reviewer specialty", PacketText.specialties(d));
    layout.field("Item", d.item());
    layout.field("Outcome", PacketText.outcome(d.outcome()));
    guideline(layout, "Claims administrator's", d.claimsAdministratorGuideline());
    guideline(layout, "Reviewer's", d.reviewerGuideline());
    layout.field("Source file", PacketText.file(d));
    if (d.sha256() != null) {
      layout.field("SHA-256", d.sha256());
    }
    layout.space(6);
    layout.heading("Rationale");
    layout.paragraph(d.rationale());
  }

  private static void guideline(PdfLayout layout, String party, Guideline g) throws IOException {
    layout.field(party + " guideline", PacketText.guideline(g));
    layout.field(party + " citations", PacketText.citations(g));
  }

  private static void info(PDDocument document, Packet packet) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(packet.title());
    info.setCreator("imr-search");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(packet.generated().toEpochMilli());
    info.setCreationDate(created);
  }
}
