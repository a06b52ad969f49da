package org.imrsearch.config;

/** A bad index-config file: names the file and line so a domain expert can fix it. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
