package dev.gatehouse.keymanager.revocations;

import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.tokens.TokenSettings;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class RevocationServiceBean implements RevocationService {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ChangeFeed changes;

    TokenSettings settings;

    @PostConstruct
    void configure() {
        settings = TokenSettings.fromConfig();
    }

    @Override
    public void revokeToken(String jti, String clientId, Instant tokenExpiresAt) {
        record(Revocation.Kind.TOKEN, jti, null, tokenExpiresAt);
    }

    @Override
    public void revokeClientTokens(String clientId, Instant issuedBefore) {
        record(Revocation.Kind.CLIENT, clientId, issuedBefore, issuedBefore.plus(settings.maxLifetime()));
    }

    @Override
    public void revokeSecretTokens(UUID secretId, Instant issuedBefore) {
        record(Revocation.Kind.SECRET, secretId.toString(), issuedBefore, issuedBefore.plus(settings.maxLifetime()));
    }

    @Override
    public boolean isRevoked(TokenClaims claims) {
        return find(Revocation.Kind.TOKEN, claims.jti()).isPresent()
                || find(Revocation.Kind.CLIENT, claims.clientId()).filter(r -> r.covers(claims.issuedAt())).isPresent()
                || claims.secretId() != null && find(Revocation.Kind.SECRET, claims.secretId().toString())
                        .filter(r -> r.covers(claims.issuedAt())).isPresent();
    }

    /** Revocations outlive the tokens they cover by nothing. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        em.createNamedQuery("Revocation.purge").setParameter("now", Instant.now()).executeUpdate();
    }

    private void record(Revocation.Kind kind, String subject, Instant issuedBefore, Instant expiresAt) {
        Optional<Revocation> existing = find(kind, subject);
        if (existing.isPresent()) {
            existing.get().extend(issuedBefore == null ? Instant.now() : issuedBefore, expiresAt);
        } else {
            em.persist(new Revocation(kind, subject, issuedBefore, expiresAt));
        }
        changes.record("revocation", subject, kind.name());
    }

    private Optional<Revocation> find(Revocation.Kind kind, String subject) {
        return em.createNamedQuery("Revocation.of", Revocation.class)
                .setParameter("kind", kind).setParameter("subject", subject)
                .getResultStream().findFirst();
    }
}
