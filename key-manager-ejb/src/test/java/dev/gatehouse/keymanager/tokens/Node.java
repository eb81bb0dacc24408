package dev.gatehouse.keymanager.tokens;

import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.signingkeys.KeySettings;
import dev.gatehouse.keymanager.signingkeys.MutableClock;
import dev.gatehouse.keymanager.signingkeys.ScopedEntityManager;
import dev.gatehouse.keymanager.signingkeys.SigningAlgorithm;

import dev.gatehouse.keymanager.signingkeys.SigningKeysTesting;
import dev.gatehouse.keymanager.revocations.RecordingAuditLog;
import dev.gatehouse.keymanager.revocations.RevocationServiceBean;
import dev.gatehouse.keymanager.revocations.RevocationTesting;
import java.time.Duration;
import java.util.function.Function;

/**
 * One instance of the key manager (keys, revocations, tokens), wired as the container would, on a shared database.
 * Several nodes on one database behave like two WARs in one Payara Micro, or a cluster.
 */
final class Node {

    static final String ISSUER = "https://gatehouse.example";
    static final String AUDIENCE = "gatehouse";
    static final Duration MAX_LIFETIME = SigningKeysTesting.MAX_LIFETIME;

    final ScopedEntityManager scope;
    final MutableClock clock;
    final RecordingAuditLog audit = new RecordingAuditLog();
    final SigningKeysTesting.Wired keys;
    final RevocationServiceBean revocations;
    final TokenServiceBean tokens;

    Node(ScopedEntityManager scope, MutableClock clock, byte[] kek, KeySettings keySettings, TokenSettings settings) {
        this.scope = scope;
        this.clock = clock;
        ChangeFeed changes = ChangeFeedTesting.on(scope.entityManager());
        keys = SigningKeysTesting.wire(scope.entityManager(), changes, audit, keySettings, kek, clock);
        revocations = RevocationTesting.wire(scope.entityManager(), changes, audit, MAX_LIFETIME, clock);
        tokens = new TokenServiceBean();
        tokens.keys = keys.ring();
        tokens.revocations = revocations;
        tokens.audit = audit;
        tokens.settings = settings;
        tokens.clock = clock;
    }

    Node(ScopedEntityManager scope, MutableClock clock, byte[] kek, SigningAlgorithm algorithm) {
        this(scope, clock, kek, SigningKeysTesting.settings(algorithm), new TokenSettings(ISSUER, AUDIENCE, MAX_LIFETIME));
    }

    /** Deployed: its first lifecycle step has run. */
    Node started() {
        advance();
        return this;
    }

    void advance() {
        scope.run(() -> SigningKeysTesting.advance(keys));
    }

    /** One call of a service method: one transaction. */
    <T> T call(Function<TokenServiceBean, T> work) {
        return scope.inTransaction(() -> work.apply(tokens));
    }

    void revoke(String token, String requestingClientId) {
        scope.run(() -> tokens.revoke(token, requestingClientId));
    }

    String jwks() {
        return scope.inTransaction(keys::jwks);
    }
}
