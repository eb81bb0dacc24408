package dev.gatehouse.keymanager.tokens;

import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.signingkeys.KeyRing;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import java.time.Clock;

/** TokenServiceBean as the container builds it, for tests of other features. */
public final class TokenTesting {

    public static final String ISSUER = Node.ISSUER;
    public static final String AUDIENCE = Node.AUDIENCE;

    private TokenTesting() {
    }

    public static TokenServiceBean wire(KeyRing keys, RevocationService revocations, ApplicationService applications,
            AuditLog audit, Clock clock) {
        TokenServiceBean tokens = new TokenServiceBean();
        tokens.keys = keys;
        tokens.revocations = revocations;
        tokens.applications = applications;
        tokens.audit = audit;
        tokens.settings = new TokenSettings(ISSUER, AUDIENCE, Node.MAX_LIFETIME);
        tokens.clock = clock;
        return tokens;
    }
}
