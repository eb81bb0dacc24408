package dev.gatehouse.keymanager.signingkeys.api;

import java.time.Instant;

/** A signing key as administrators see it: no key material. retiredAt is null until a newer key takes over. */
public record SigningKeyView(String kid, String algorithm, SigningKeyStatus status, Instant createdAt,
        Instant signsFrom, Instant retiredAt) {
}
