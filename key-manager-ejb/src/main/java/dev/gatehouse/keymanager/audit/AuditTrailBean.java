package dev.gatehouse.keymanager.audit;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.audit.api.AuditEventPage;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import dev.gatehouse.keymanager.audit.api.AuditQuery;
import dev.gatehouse.keymanager.audit.api.AuditTrail;
import dev.gatehouse.keymanager.audit.api.NotAdministrator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reading the audit trail (administrators), and keeping it within its retention. */
@Stateless
public class AuditTrailBean implements AuditTrail {

    private static final System.Logger LOG = System.getLogger(AuditTrailBean.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    AuditSettings settings;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void configure() {
        settings = AuditSettings.from(ConfigProvider.getConfig(AuditTrailBean.class.getClassLoader()));
    }

    @Override
    public AuditEventPage search(Caller caller, AuditQuery query) {
        if (!caller.has(Role.ADMIN)) {
            throw new NotAdministrator();
        }
        int size = Math.max(1, Math.min(query.size() <= 0 ? 20 : query.size(), AuditQuery.MAX_PAGE_SIZE));
        int page = Math.max(0, query.page());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        // values are compared in their stored (escaped) form, which is what the caller saw
        if (given(query.actor())) {
            where.append(" AND e.actor = :actor");
            parameters.put("actor", AuditEvent.escaped(query.actor().strip()));
        }
        if (given(query.action())) {
            where.append(" AND e.action = :action");
            parameters.put("action", AuditEvent.escaped(query.action().strip()));
        }
        if (given(query.target())) {
            where.append(" AND (e.targetId = :target OR e.targetType = :target)");
            parameters.put("target", AuditEvent.escaped(query.target().strip()));
        }
        if (query.from() != null) {
            where.append(" AND e.occurredAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND e.occurredAt < :to");
            parameters.put("to", query.to());
        }
        TypedQuery<AuditEvent> items = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            total.setParameter(name, value);
        });
        List<AuditEventView> views = items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(AuditTrailBean::view).toList();
        return new AuditEventPage(views, page, size, total.getSingleResult());
    }

    @Override
    public List<AuditEventView> historyOf(String targetType, UUID targetId, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.targetType = :type AND e.targetId = :id"
                        + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class)
                .setParameter("type", targetType).setParameter("id", targetId.toString())
                .setMaxResults(Math.max(1, Math.min(limit, AuditQuery.MAX_PAGE_SIZE))).getResultList().stream()
                .map(AuditTrailBean::view).toList();
    }

    /** Deletes the events older than the retention; how many. */
    public int purgeExpired() {
        return em.createNamedQuery("AuditEvent.purge")
                .setParameter("before", clock.instant().minus(settings.retention()))
                .executeUpdate();
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void purgeHourly() {
        int purged = purgeExpired();
        if (purged > 0) {
            LOG.log(Level.INFO, "GH-AUDIT-001 Purged {0} audit event(s) older than {1}", purged, settings.retention());
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static AuditEventView view(AuditEvent event) {
        return new AuditEventView(event.id(), event.occurredAt(), event.actor(), event.action(), event.targetType(),
                event.targetId(), event.outcome().name(), event.detail());
    }
}
