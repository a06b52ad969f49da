package org.imrsearch.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.imrsearch.packet.Packet;
import org.imrsearch.packet.PacketHtml;
import org.imrsearch.packet.PacketPdf;
import org.imrsearch.packet.PacketRequest;
import org.imrsearch.packet.Packets;

/**
 * {@code GET /api/packet?ids=LETTERID:N,...&format=pdf|html&q=&<filters>}: parses the picks, has
 * the packet assembled, and writes it (the PDF as a download, the HTML page inline for printing).
 */
final class PacketController {
  private final Packets packets;

  PacketController(Packets packets) {
    this.packets = packets;
  }

  void packet(Context ctx) throws IOException {
    PacketRequest request =
        new PacketRequest(
            PacketRequest.parseIds(ctx.queryParam("ids")),
            RequestParams.query(ctx),
            RequestParams.filters(ctx),
            RequestParams.choice(
                ctx, "format", PacketRequest.Format.class, PacketRequest.Format.PDF));
    Packet packet = packets.assemble(request);
    if (request.format() == PacketRequest.Format.PDF) {
      ctx.contentType("application/pdf");
      ctx.header("Content-Disposition", ContentDisposition.attachment("imr-precedent-packet.pdf"));
      ctx.result(PacketPdf.render(packet));
    } else {
      ctx.html(PacketHtml.render(packet));
    }
  }
}
