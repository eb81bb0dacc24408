package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The verified-token cache: bounded, expired entries first, and never a token past its expiry. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static VerifiedTokens cache(int capacity) {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.capacity = capacity;
        return tokens;
    }

    private static TokenClaims verified(Instant expiresAt) {
        return new TokenClaims("http://localhost", "client", "gatehouse", "client",
                UUID.randomUUID(), Environment.PRODUCTION, null, Set.of(), UUID.randomUUID().toString(),
                expiresAt.minusSeconds(3600), expiresAt, "kid");
    }

    @Test
    void aTokenIsKnownUntilItExpiresAndNotAfter() {
        VerifiedTokens tokens = cache(10);
        tokens.remember("a.b.c", verified(NOW.plusSeconds(60)), NOW);

        assertTrue(tokens.find("a.b.c", NOW.plusSeconds(59)).isPresent());
        assertTrue(tokens.find("a.b.c", NOW.plusSeconds(60)).isEmpty(), "expired at exp");
        assertTrue(tokens.find("a.b.c", NOW).isEmpty(), "and forgotten");
        assertTrue(tokens.find("a.b.x", NOW).isEmpty(), "only the exact text");
    }

    @Test
    void aFullCacheDropsExpiredTokensFirst() {
        VerifiedTokens tokens = cache(10);
        for (int i = 0; i < 5; i++) {
            tokens.remember("expired-" + i, verified(NOW.minusSeconds(1)), NOW.minusSeconds(10));
            tokens.remember("live-" + i, verified(NOW.plusSeconds(600)), NOW.minusSeconds(10));
        }

        tokens.remember("new", verified(NOW.plusSeconds(600)), NOW);

        assertEquals(6, tokens.size(), "the five expired ones went, the live ones stayed");
        for (int i = 0; i < 5; i++) {
            assertTrue(tokens.find("live-" + i, NOW).isPresent());
        }
    }

    @Test
    void aCacheFullOfLiveTokensEvictsWithoutErrorsUnderConcurrency() throws Exception {
        VerifiedTokens tokens = cache(1000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] work = new Future<?>[8];
            for (int t = 0; t < work.length; t++) {
                int thread = t;
                work[t] = threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String text = thread + "-" + i;
                        tokens.remember(text, verified(NOW.plusSeconds(600)), NOW);
                        tokens.find(text, NOW);
                    }
                });
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertTrue(tokens.size() <= 1000 + 8, "bounded (at most one in-flight insert per thread over): " + tokens.size());
        tokens.remember("last", verified(NOW.plusSeconds(600)), NOW);
        assertTrue(tokens.find("last", NOW).isPresent(), "still works once full");
    }
}
