package org.imrsearch.web;

/** The body of every error response: the status and a message meant for the person asking. */
public record ApiError(int status, String error, String message) {}
