package dev.gatehouse.runtime.gateway;

import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.subscriptions.api.SubscriptionAccess;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether a valid token may call an operation of an API, decided from memory in the documented order: its
 * application not deleted, the token not revoked, the application active and subscribed with an active
 * subscription, the API published or deprecated, the path and method one of its operations, an endpoint for the
 * token's environment, the operation's scopes, the plan's rate limit. An API outside the catalog is not found for
 * an application not subscribed to it.
 */
@ApplicationScoped
class AccessPolicy {

    @Inject
    GatewayCache cache;

    @Inject
    RateLimiter rateLimiter;

    Access decide(String method, String path, Route route, TokenClaims token, Instant now) {
        ApiRoute api = route.api();
        Optional<SubscriptionAccess> subscription = cache.subscription(token.applicationId(), api.id());
        if (subscription.isEmpty() && !route.isListed()) {
            // the same answer as for no API at all: the gateway does not reveal APIs outside the catalog
            return Access.refused(Refusal.apiNotFound(api.context(), api.version()));
        }
        Refusal refusal = tokenAndApplication(token);
        if (refusal == null) {
            refusal = subscription.isEmpty()
                    ? Refusal.forbidden("not_subscribed",
                            "The application is not subscribed to " + api.name() + " " + api.version() + ".")
                    : subscriptionState(subscription.get(), token.environment());
        }
        if (refusal == null) {
            refusal = lifecycle(api);
        }
        if (refusal != null) {
            return Access.refused(refusal);
        }
        Route.Match match = route.match(method, path);
        if (match.operation().isEmpty()) {
            return Access.refused(match.allowedMethods().isEmpty()
                    ? Refusal.notFound("operation_not_found", "The API has no operation at "
                            + (path.isEmpty() ? "/" : path) + ".")
                    : Refusal.methodNotAllowed(match.allowedMethods()));
        }
        RouteOperation operation = match.operation().get();
        String backend = api.isMock() ? null
                : token.environment() == Environment.SANDBOX ? api.sandboxUrl() : api.productionUrl();
        if (!api.isMock() && backend == null) {
            return Access.refused(operation, Refusal.forbidden("environment_unavailable", "The API has no "
                    + token.environment().name().toLowerCase(Locale.ROOT) + " endpoint."));
        }
        if (!token.scopes().containsAll(operation.scopes())) {
            return Access.refused(operation,
                    Refusal.insufficientScope(String.join(" ", new TreeSet<>(operation.scopes()))));
        }
        Optional<RateLimiter.Decision> limit = rateLimiter.acquire(token.applicationId(), api.id(),
                subscription.get().plan(), now);
        if (limit.isPresent() && !limit.get().allowed()) {
            return Access.refused(operation,
                    Refusal.rateLimited(subscription.get().plan().limitText(), limit.get()));
        }
        return Access.granted(operation, backend, limit);
    }

    /** The application first: deleting one also revokes its tokens, and "deleted" says more than "revoked". */
    private Refusal tokenAndApplication(TokenClaims token) {
        Optional<ApplicationStatus> application = cache.applicationStatus(token.applicationId());
        if (application.isEmpty()) {
            return Refusal.invalidToken("application_deleted", "The token's application has been deleted.");
        }
        if (cache.revocations().covers(token)) {
            return Refusal.invalidToken("token_revoked", "The token has been revoked.");
        }
        return application.get() == ApplicationStatus.BLOCKED
                ? Refusal.forbidden("application_blocked", "The application is blocked.")
                : null;
    }

    private static Refusal subscriptionState(SubscriptionAccess subscription, Environment environment) {
        return switch (subscription.status()) {
            case ACTIVE -> null;
            case ON_HOLD -> Refusal.forbidden("subscription_on_hold",
                    "The subscription is waiting for a publisher's approval.");
            case REJECTED -> Refusal.forbidden("subscription_rejected", "The subscription was rejected.");
            case BLOCKED -> Refusal.forbidden("subscription_blocked", "The subscription is blocked.");
            case PROD_ONLY_BLOCKED -> environment == Environment.PRODUCTION
                    ? Refusal.forbidden("subscription_blocked", "The subscription is blocked in production.")
                    : null;
        };
    }

    private static Refusal lifecycle(ApiRoute api) {
        return switch (api.lifecycle()) {
            case PUBLISHED, DEPRECATED -> null;
            case RETIRED -> Refusal.forbidden("api_retired", api.name() + " " + api.version() + " is retired.");
            case BLOCKED -> Refusal.forbidden("api_blocked", api.name() + " " + api.version() + " is blocked.");
            case CREATED -> Refusal.forbidden("api_not_published", api.name() + " " + api.version()
                    + " is not published.");
        };
    }
}
