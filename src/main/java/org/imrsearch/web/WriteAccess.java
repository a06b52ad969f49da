package org.imrsearch.web;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may change saved searches. With a token (from {@code serve --token-file}), a request must say
 * {@code Authorization: Bearer TOKEN}, wherever it comes from; without one, only clients on this
 * machine (loopback) may write, as when the server binds to 127.0.0.1 alone. Reads never ask. The
 * token is compared in constant time (digests of both, {@link MessageDigest#isEqual}), so the
 * answer's timing says nothing about how much of a guess was right; it is never logged or printed.
 * Immutable.
 *
 * <p>Behind a reverse proxy on the same machine every client looks like loopback: give a token
 * there.
 */
public final class WriteAccess {
  /** What a write request gets. */
  public enum Decision {
    ALLOWED,
    /** No token, or the wrong one: 401. */
    UNAUTHORIZED,
    /** No token is configured and the client is not on this machine: 403. */
    FORBIDDEN
  }

  private static final String BEARER = "Bearer ";

  private final byte[] tokenDigest; // null: loopback clients only

  private WriteAccess(byte[] tokenDigest) {
    this.tokenDigest = tokenDigest;
  }

  /** Writes from this machine only. */
  public static WriteAccess loopbackOnly() {
    return new WriteAccess(null);
  }

  /** Writes from anyone who sends {@code token}. */
  public static WriteAccess token(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    return new WriteAccess(digest(token.strip()));
  }

  /**
   * The token in {@code file}: its content less surrounding white space (a trailing newline). The
   * file's content is never part of a message.
   */
  public static WriteAccess fromTokenFile(Path file) throws IOException {
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IOException("the token file " + file + " is empty");
    }
    return token(token);
  }

  public boolean requiresToken() {
    return tokenDigest != null;
  }

  /**
   * Whether a write with header {@code authorization} (may be null) from {@code client} may
   * proceed.
   */
  public Decision check(String authorization, InetAddress client) {
    if (tokenDigest == null) {
      return client != null && client.isLoopbackAddress() ? Decision.ALLOWED : Decision.FORBIDDEN;
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Decision.UNAUTHORIZED;
    }
    byte[] given = digest(authorization.substring(BEARER.length()).strip());
    return MessageDigest.isEqual(tokenDigest, given) ? Decision.ALLOWED : Decision.UNAUTHORIZED;
  }

  /** SHA-256: equal lengths whatever was sent, so the comparison takes the same time. */
  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
