package dev.gatehouse.keymanager.revocations;

import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.revocations.api.RevocationList;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.tokens.api.MaxTokenLifetime;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Records revocations. UNIQUE(kind, subject) keeps one row per token, client or secret; of two transactions racing to
 * create the same row, the second fails and may be retried (it finds the row and extends it).
 */
@Stateless
public class RevocationServiceBean implements RevocationService {

    /**
     * A revocation is kept this long after the last token it covers expires: verifiers accept a token for 30 s past
     * its exp (clock skew), and the clocks of nodes differ.
     */
    static final Duration PURGE_MARGIN = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger(RevocationServiceBean.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    /** A cut-off is kept as long as a token issued just before it may live. */
    Duration tokenMaxLifetime;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void configure() {
        tokenMaxLifetime = MaxTokenLifetime.from(ConfigProvider.getConfig(RevocationServiceBean.class.getClassLoader()));
    }

    @Override
    public void revokeToken(String jti, String clientId, Instant tokenExpiresAt) {
        record(Revocation.Kind.TOKEN, jti, null, tokenExpiresAt);
        audit.success(clientId, "token.revoke", "token", jti, null);
    }

    @Override
    public void revokeClientTokens(String clientId, Instant issuedBefore) {
        record(Revocation.Kind.CLIENT, clientId, issuedBefore, issuedBefore.plus(tokenMaxLifetime));
    }

    @Override
    public void revokeSecretTokens(UUID secretId, Instant issuedBefore) {
        record(Revocation.Kind.SECRET, secretId.toString(), issuedBefore,
                issuedBefore.plus(tokenMaxLifetime));
    }

    @Override
    public void revokeKeyTokens(String kid, Instant until) {
        record(Revocation.Kind.KEY, kid, until, until);
    }

    @Override
    public boolean isRevoked(TokenClaims claims) {
        return list(em.createNamedQuery("Revocation.covering", Revocation.class)
                .setParameter("token", Revocation.Kind.TOKEN).setParameter("jti", claims.jti())
                .setParameter("client", Revocation.Kind.CLIENT).setParameter("clientId", claims.clientId())
                .setParameter("secret", Revocation.Kind.SECRET)
                // no secret: a subject no SECRET revocation has
                .setParameter("secretId", claims.secretId() == null ? "" : claims.secretId().toString())
                .setParameter("key", Revocation.Kind.KEY).setParameter("kid", claims.keyId() == null ? "" : claims.keyId())
                .getResultStream()).covers(claims);
    }

    @Override
    public RevocationList inForce() {
        return list(em.createNamedQuery("Revocation.inForce", Revocation.class)
                .setParameter("now", clock.instant().minus(PURGE_MARGIN)).getResultStream());
    }

    private static RevocationList list(Stream<Revocation> revocations) {
        Map<String, Instant> tokens = new HashMap<>();
        Map<String, Instant> clients = new HashMap<>();
        Map<String, Instant> secrets = new HashMap<>();
        Map<String, Instant> keys = new HashMap<>();
        revocations.forEach(revocation -> {
            switch (revocation.kind()) {
                case TOKEN -> tokens.put(revocation.subject(), revocation.expiresAt());
                case CLIENT -> clients.put(revocation.subject(), revocation.issuedBefore());
                case SECRET -> secrets.put(revocation.subject(), revocation.issuedBefore());
                case KEY -> keys.put(revocation.subject(), revocation.expiresAt());
            }
        });
        return new RevocationList(tokens, clients, secrets, keys);
    }

    @Override
    public int purgeExpired() {
        return em.createNamedQuery("Revocation.purge")
                .setParameter("before", clock.instant().minus(PURGE_MARGIN))
                .executeUpdate();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeHourly() {
        int purged = purgeExpired();
        if (purged > 0) {
            LOG.log(Level.INFO, "GH-REV-001 Purged {0} revocation(s) of tokens that have expired", purged);
        }
    }

    private void record(Revocation.Kind kind, String subject, Instant issuedBefore, Instant expiresAt) {
        Optional<Revocation> existing = em.createNamedQuery("Revocation.of", Revocation.class)
                .setParameter("kind", kind).setParameter("subject", subject)
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            existing.get().extend(issuedBefore, expiresAt);
        } else {
            em.persist(new Revocation(kind, subject, issuedBefore, expiresAt, clock.instant()));
        }
        changes.record(ChangedEntity.REVOCATION, subject, kind.name());
    }
}
