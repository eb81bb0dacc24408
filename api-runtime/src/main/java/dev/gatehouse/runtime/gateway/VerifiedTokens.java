package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access tokens that {@link BearerTokens} verified (signature, issuer, audience, under the {@code mp.jwt.*} keys)
 * and {@link TokenGate} found in the access-token profile, by their exact text, until they expire. A token is
 * verified once, not on every request: its signature cannot change, its key stays published until it expires, and
 * what can change (revocation, application status, subscription) is checked from memory on every request.
 *
 * <p>At most {@code gatehouse.gateway.verified-tokens} entries (10,000 by default; about 2 KB each with the token's
 * text and its mapped claims, so about 20 MB when full); when full, expired entries go first, then any, and those tokens are
 * verified again on their next use.
 */
@ApplicationScoped
public class VerifiedTokens {

    @Inject
    @ConfigProperty(name = "gatehouse.gateway.verified-tokens", defaultValue = "10000")
    int capacity;

    private final Map<String, TokenClaims> byText = new ConcurrentHashMap<>();

    Optional<TokenClaims> find(String text, Instant now) {
        TokenClaims known = byText.get(text);
        if (known == null) {
            return Optional.empty();
        }
        if (!known.expiresAt().isAfter(now)) {
            byText.remove(text, known);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    void remember(String text, TokenClaims claims, Instant now) {
        if (byText.size() >= capacity) {
            evict(now);
        }
        byText.put(text, claims);
    }

    int size() {
        return byText.size();
    }

    /** Expired entries, then arbitrary ones until a tenth is free: a full cache costs one sweep per tenth. */
    private synchronized void evict(Instant now) {
        if (byText.size() < capacity) {
            return;
        }
        byText.values().removeIf(known -> !known.expiresAt().isAfter(now));
        Iterator<String> any = byText.keySet().iterator();
        while (byText.size() > capacity - Math.max(1, capacity / 10) && any.hasNext()) {
            any.next();
            any.remove();
        }
    }
}
