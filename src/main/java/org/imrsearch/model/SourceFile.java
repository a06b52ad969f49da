package org.imrsearch.model;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The file a letter was read from, as the ingest found it: where it was, how large, and the SHA-256
 * of its bytes, so that serving the original later can tell the same file from a changed one.
 *
 * @param path the file, absolute and normalized (no {@code .} or {@code ..}), symlinks not resolved
 * @param root the ingest input (a directory or the file itself) the file was found under; the
 *     original is only ever served from inside it
 * @param bytes the file's size in bytes
 * @param sha256 the SHA-256 of the file's bytes, 64 lowercase hex digits
 */
public record SourceFile(Path path, Path root, long bytes, String sha256) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(sha256, "sha256");
    if (!path.isAbsolute() || !root.isAbsolute()) {
      throw new IllegalArgumentException("path and root must be absolute: " + path + ", " + root);
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
    }
  }

  /**
   * The record of {@code file} given the bytes read from it (hashed here, not read again); its root
   * is the file itself until the ingest knows which input it came from ({@link #under}).
   */
  public static SourceFile of(Path file, byte[] content) {
    Path path = file.toAbsolutePath().normalize();
    return new SourceFile(path, path, content.length, sha256(content));
  }

  /** This file with {@code root} as the input it was found under. */
  public SourceFile under(Path root) {
    return new SourceFile(path, root.toAbsolutePath().normalize(), bytes, sha256);
  }

  /** The file's name without its directories. */
  public String fileName() {
    Path name = path.getFileName();
    return name == null ? path.toString() : name.toString();
  }

  /** The SHA-256 of {@code content} as 64 lowercase hex digits. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
