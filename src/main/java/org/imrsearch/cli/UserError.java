package org.imrsearch.cli;

/**
 * Something the user can fix (a missing directory, a wrong option combination): the command line
 * prints its message in one line and exits with 1. Bugs are other exceptions and keep their stack
 * traces.
 */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
