package dev.gatehouse.keymanager.subscriptions.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An application's subscriptions to APIs under a plan; approval and blocking for publishers. */
@Local
public interface SubscriptionService {

    /** ACTIVE, or ON_HOLD when the plan requires approval; one subscription per application and API. */
    SubscriptionView subscribe(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull UUID apiId, @NotNull UUID planId);

    SubscriptionView changePlan(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull UUID subscriptionId, @NotNull UUID planId);

    /**
     * Withdraws an ACTIVE or ON_HOLD subscription. A BLOCKED, PROD_ONLY_BLOCKED or REJECTED one is a publisher's
     * decision and stays (conflict {@code subscription_blocked} / {@code subscription_rejected}).
     */
    void unsubscribe(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull UUID subscriptionId);

    List<SubscriptionView> ofApplication(@NotNull Caller caller, @NotNull UUID applicationId);

    /**
     * For publishers: subscriptions with the given status (ON_HOLD: awaiting approval) to the APIs they own; every
     * one for administrators. Deciding on a subscription to another publisher's API is {@code subscription_not_found}.
     */
    List<SubscriptionView> withStatus(@NotNull Caller publisher, @NotNull SubscriptionStatus status);

    /** One page of {@link #withStatus}, oldest first: what the publisher's portal shows at a time. */
    SubscriptionPage withStatus(@NotNull Caller publisher, @NotNull SubscriptionStatus status, int page, int size);

    /** For publishers: every subscription to one of their APIs (any for administrators), oldest first. */
    List<SubscriptionView> ofApi(@NotNull Caller publisher, @NotNull UUID apiId);

    SubscriptionView approve(@NotNull Caller publisher, @NotNull UUID subscriptionId);

    SubscriptionView reject(@NotNull Caller publisher, @NotNull UUID subscriptionId);

    SubscriptionView block(@NotNull Caller publisher, @NotNull UUID subscriptionId, boolean productionOnly);

    SubscriptionView unblock(@NotNull Caller publisher, @NotNull UUID subscriptionId);

    /** For the gateway: the application's subscription to the API, whatever its status, if there is one. */
    Optional<SubscriptionAccess> access(@NotNull UUID applicationId, @NotNull UUID apiId);
}
