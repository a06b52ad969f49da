/**
 * Precedent packets: decisions picked from the pages, with everything one needs to cite them (case
 * number, date, specialty, item, outcome, both parties' guidelines, the full rationale, and the
 * source file's name and SHA-256), after a cover saying what search produced them; written as a
 * printable HTML page ({@link PacketHtml}) or a PDF ({@link PacketPdf} over {@link PdfLayout}).
 * {@link Packets} assembles a packet through the {@link org.imrsearch.engine.Engine} interface
 * only, so it works over any engine.
 */
package org.imrsearch.packet;
