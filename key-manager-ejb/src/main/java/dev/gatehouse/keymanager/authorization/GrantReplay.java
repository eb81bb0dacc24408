package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A code or refresh token presented again: someone else may hold it, so everything issued from it is revoked, on
 * every node through the revocation list. In its own transaction, as the refused grant's rolls back. Also the
 * client's own revocation of a refresh token.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GrantReplay {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    RevocationService revocations;

    @EJB
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    public void codeUsedAgain(UUID authorizationId) {
        Authorization authorization = em.find(Authorization.class, authorizationId);
        if (authorization == null) {
            return;
        }
        audit.denied("client:" + authorization.clientId(), "authorization.code.replay", "application",
                authorization.applicationId(), "a code presented again; what it issued is revoked");
        revokeFamily(authorization.id());
        if (authorization.accessJti() != null) {
            revokeAccessToken(authorization.accessJti(), authorization.clientId(), authorization.accessExpiresAt());
        }
    }

    public void refreshTokenUsedAgain(UUID family) {
        audit.denied("refresh-family:" + family, "refresh_token.replay", "refresh_token", family,
                "a used refresh token presented again; its family is revoked");
        revokeFamily(family);
    }

    /** The client's own revocation (RFC 7009): the refresh tokens of one grant and their access tokens. */
    public void revokeFamily(UUID family) {
        Instant now = clock.instant();
        for (RefreshToken token : em.createNamedQuery("RefreshToken.family", RefreshToken.class)
                .setParameter("family", family).getResultList()) {
            token.revoke(now);
            revokeAccessToken(token.accessJti(), token.clientId(), token.accessExpiresAt());
        }
    }

    private void revokeAccessToken(String jti, String clientId, Instant expiresAt) {
        if (expiresAt.isAfter(clock.instant())) {
            revocations.revokeToken(jti, clientId, expiresAt);
        }
    }
}
