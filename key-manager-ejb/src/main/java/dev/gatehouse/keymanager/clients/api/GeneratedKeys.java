package dev.gatehouse.keymanager.clients.api;

/** The consumer key and the first consumer secret, whose value is shown this once. */
public record GeneratedKeys(KeySetView keys, NewSecret secret) {
}
