package dev.gatehouse.keymanager.subscriptions.api;

import dev.gatehouse.keymanager.plans.api.PlanView;
import java.util.UUID;

/** What the gateway checks of an application's subscription to an API: its status and the plan that limits it. */
public record SubscriptionAccess(UUID subscriptionId, SubscriptionStatus status, PlanView plan) {
}
