package org.imrsearch.original;

/**
 * An original letter file, read and checked against its ingest record, ready to serve.
 *
 * @param fileName the file's name, without its directories
 * @param contentType {@code application/pdf}, or {@code text/plain} with the text's charset
 * @param bytes the size in bytes (as recorded at ingest, and as read now)
 * @param sha256 the SHA-256 of the content (as recorded at ingest, and as read now)
 * @param content the file's bytes (letters are a few hundred KB; at most {@link
 *     org.imrsearch.ingest.LetterFileReader#MAX_BYTES})
 */
public record Original(
    String fileName, String contentType, long bytes, String sha256, byte[] content) {}
