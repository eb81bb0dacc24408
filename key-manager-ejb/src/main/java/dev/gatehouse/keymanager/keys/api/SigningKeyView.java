package dev.gatehouse.keymanager.keys.api;

import java.time.Instant;

public record SigningKeyView(String kid, String algorithm, String status, Instant createdAt, Instant signsFrom,
        Instant retiredAt) {
}
