package dev.gatehouse.keymanager.apis.api;

/**
 * What a mock endpoint answers for one operation: the document's first success response (or its default), with the
 * example of its preferred media type. contentType and body are null when the document gives no example.
 */
public record MockResponse(int status, String contentType, String body) {
}
