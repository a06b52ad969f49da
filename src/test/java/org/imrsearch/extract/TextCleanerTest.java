package org.imrsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What PDF extraction leaves behind, and what the extractors see after cleaning. */
class TextCleanerTest {
  @Test
  void removesPageFootersRepeatedCaseNumbersFormFeedsAndCrlf() {
    String raw =
        "Case Number: CM16-0213037\r\n"
            + "first page text\r\n"
            + "Page 1 of 3\r\n"
            + "\fCM16-0213037\r\n"
            + "second page text\r\n";
    assertEquals(
        "Case Number: CM16-0213037\nfirst page text\nsecond page text", TextCleaner.clean(raw));
  }

  @Test
  void undoesTheBlankLineAfterEveryLineStyleKeepingParagraphs() {
    StringBuilder raw = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      raw.append("line ").append(i).append(" \n\n");
      if (i == 6) {
        raw.append(" \n\n"); // a line holding one space marks the paragraph break
      }
    }
    String cleaned = TextCleaner.clean(raw.toString());
    assertEquals(
        "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n\nline 7",
        cleaned.substring(0, cleaned.indexOf("line 8") - 1));
  }

  @Test
  void separatesWordsThatExtractionRanTogether() {
    assertEquals("is not medically necessary", TextCleaner.clean("is notmedically necessary"));
  }

  @Test
  void joinsHyphenatedLineBreaksKeepingTheHyphen() {
    assertEquals(
        "dated 11-21-2016, was a distorted copy",
        Prose.join("dated 11-21-\n2016, was a distorted copy"));
  }

  @Test
  void aFormFeedWithTheLineBreaksAroundItIsOneLineBreak() {
    assertEquals("a\nb", TextCleaner.formFeedsAsLineBreaks("a\n\f\nb"));
    assertEquals("a\nb", TextCleaner.formFeedsAsLineBreaks("a\fb"));
    assertEquals("a\n\nb", TextCleaner.formFeedsAsLineBreaks("a\f\fb"), "two page breaks in a row");
    assertEquals("a\n\nb", TextCleaner.formFeedsAsLineBreaks("a\n\f\n\fb"));
    assertEquals(
        "a\n\nb",
        TextCleaner.formFeedsAsLineBreaks("a\n\n\fb"),
        "a paragraph break before the page stays one");
  }
}
