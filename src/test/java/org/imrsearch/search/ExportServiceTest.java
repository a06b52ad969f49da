package org.imrsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSV cells are safe to open in a spreadsheet: no formula runs from letter text. */
class ExportServiceTest {
  @Test
  void neutralizesCellsThatASpreadsheetWouldRunAsFormulas() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ExportRows.csvCell("=HYPERLINK(\"x\")"));
    assertEquals("\"'+1\"", ExportRows.csvCell("+1"));
    assertEquals("\"'-2\"", ExportRows.csvCell("-2"));
    assertEquals("\"'@SUM(A1)\"", ExportRows.csvCell("@SUM(A1)"));
  }

  @Test
  void quotesCellsWithCommasQuotesAndLineBreaks() {
    assertEquals("plain", ExportRows.csvCell("plain"));
    assertEquals("\"a, b\"", ExportRows.csvCell("a, b"));
    assertEquals("\"say \"\"no\"\"\"", ExportRows.csvCell("say \"no\""));
  }
}
