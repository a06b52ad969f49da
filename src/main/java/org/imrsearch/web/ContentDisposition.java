package org.imrsearch.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} header values for a file name that may hold any character: an ASCII
 * fallback in {@code filename} (quotes, backslashes and control characters replaced) and the exact
 * name in {@code filename*} (RFC 6266).
 */
final class ContentDisposition {
  private ContentDisposition() {}

  static String inline(String fileName) {
    return "inline; " + names(fileName);
  }

  static String attachment(String fileName) {
    return "attachment; " + names(fileName);
  }

  private static String names(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String exact = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
  }
}
