package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.changes.api.Change;
import dev.gatehouse.keymanager.revocations.api.RevocationList;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionAccess;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What the gateway reads on every request, kept in memory and dropped when the change feed announces a change
 * ({@link ChangeFollower}). Absence is cached too, so unknown APIs and unsubscribed applications cost no query.
 *
 * <p>Each cache has a generation that an announced change bumps. A value is stored with the generation read before
 * it was loaded and used only while that generation is current, so a load that raced with a change is never used.
 */
@ApplicationScoped
class GatewayCache {

    private static final int MAX_ENTRIES = 50_000;

    @EJB
    ApiService apis;

    @EJB
    ApplicationService applications;

    @EJB
    SubscriptionService subscriptions;

    @EJB
    RevocationService revocations;

    private final Generational<String, Optional<Route>> routes = new Generational<>();
    private final Generational<UUID, Optional<ApplicationStatus>> applicationStatus = new Generational<>();
    private final Generational<String, Optional<SubscriptionAccess>> access = new Generational<>();
    private volatile RevocationList revoked;

    Optional<Route> route(String context, String version) {
        return routes.get(context + "\n" + version,
                key -> apis.route(context, version).map(Route::new));
    }

    /** The route only if it is in memory already: never a query, never an entry (for callers without a token). */
    Optional<Route> routeInMemory(String context, String version) {
        return routes.peek(context + "\n" + version).flatMap(route -> route);
    }

    Optional<ApplicationStatus> applicationStatus(UUID applicationId) {
        return applicationStatus.get(applicationId, applications::status);
    }

    Optional<SubscriptionAccess> subscription(UUID applicationId, UUID apiId) {
        return access.get(applicationId + "/" + apiId, key -> subscriptions.access(applicationId, apiId));
    }

    RevocationList revocations() {
        RevocationList list = revoked;
        if (list == null) {
            list = reloadRevocations();
        }
        return list;
    }

    /** Drops what the change makes stale. Changes of other entities (keys, secrets) need nothing here. */
    void apply(Change change) {
        change.about().ifPresent(entity -> {
            switch (entity) {
                case API -> routes.invalidate();
                case SUBSCRIPTION -> access.invalidate();
                case APPLICATION -> {
                    applicationStatus.invalidate();
                    access.invalidate(); // a deleted application's subscriptions went with it
                }
                case REVOCATION -> reloadRevocations();
                default -> {
                    // not cached here
                }
            }
        });
    }

    /** After the feed could not be read: nothing cached can be trusted to be current. */
    void invalidateAll() {
        routes.invalidate();
        applicationStatus.invalidate();
        access.invalidate();
        reloadRevocations();
    }

    // serialized, so that a load which began before a revocation never overwrites the one made after it
    private synchronized RevocationList reloadRevocations() {
        RevocationList list = revocations.inForce();
        revoked = list;
        return list;
    }

    private static final class Generational<K, V> {

        private record Entry<V>(long generation, V value) {
        }

        private final AtomicLong generation = new AtomicLong();
        private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

        V get(K key, Function<K, V> loader) {
            long current = generation.get();
            Entry<V> entry = entries.get(key);
            if (entry != null && entry.generation() == current) {
                return entry.value();
            }
            V value = loader.apply(key);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(current, value));
            return value;
        }

        Optional<V> peek(K key) {
            Entry<V> entry = entries.get(key);
            return entry != null && entry.generation() == generation.get() ? Optional.of(entry.value())
                    : Optional.empty();
        }

        void invalidate() {
            generation.incrementAndGet();
            entries.clear();
        }
    }
}
