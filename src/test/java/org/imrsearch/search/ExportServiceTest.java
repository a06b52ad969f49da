package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSV cells are safe to open in a spreadsheet: no formula runs from letter text. */
class ExportServiceTest {
  @Test
  void neutralizesCellsThatASpreadsheetWouldRunAsFormulas() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ExportService.csvCell("=HYPERLINK(\"x\")"));
    assertEquals("\"'+1\"", ExportService.csvCell("+1"));
    assertEquals("\"'-2\"", ExportService.csvCell("-2"));
    assertEquals("\"'@SUM(A1)\"", ExportService.csvCell("@SUM(A1)"));
  }

  @Test
  void quotesCellsWithCommasQuotesAndLineBreaks() {
    assertEquals("plain", ExportService.csvCell("plain"));
    assertEquals("\"a, b\"", ExportService.csvCell("a, b"));
    assertEquals("\"say \"\"no\"\"\"", ExportService.csvCell("say \"no\""));
  }
}
