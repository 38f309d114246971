package io.mailsync.timeline.api;

/** The body of every 4xx answer: what is wrong and, where one input is to blame, which field. */
public record ApiError(int status, String error, String field, String message) {}
