package dev.gatehouse.keymanager.ratelimits.api;

/**
 * The requests admitted in one clock-aligned rate-limit window: by one node when a node reports it, by all nodes
 * together when {@link SharedRateCounts} answers.
 */
public record WindowCount(String counter, long windowStart, long windowEnd, long requests) {
}
