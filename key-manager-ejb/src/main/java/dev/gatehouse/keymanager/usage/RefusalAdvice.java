package dev.gatehouse.keymanager.usage;

import java.util.Map;

/** What a developer can do about each of the gateway's refusal reasons (the README lists the reasons). */
final class RefusalAdvice {

    private static final Map<String, String> ADVICE = Map.ofEntries(
            Map.entry("token_revoked", "The token was revoked: request a new one with the application's keys."),
            Map.entry("application_deleted", "The application was deleted: its tokens no longer work."),
            Map.entry("application_blocked", "The application is blocked: ask the API's publisher or an"
                    + " administrator why."),
            Map.entry("not_subscribed", "Subscribe the application to this API in the portal (API → Subscribe)."),
            Map.entry("subscription_on_hold", "The subscription waits for the publisher's approval; calls work once"
                    + " it is approved."),
            Map.entry("subscription_rejected", "The publisher rejected the subscription: ask them, or subscribe"
                    + " with another plan."),
            Map.entry("subscription_blocked", "The publisher blocked the subscription: ask them to unblock it."),
            Map.entry("api_retired", "This version of the API is retired: move to a published version."),
            Map.entry("api_blocked", "The API is blocked by its publisher for now."),
            Map.entry("api_not_published", "The API is not published yet."),
            Map.entry("operation_not_found", "The path is none of the API's operations: see its documentation."),
            Map.entry("method_not_allowed", "Use a method the operation allows (the answer's Allow header)."),
            Map.entry("environment_unavailable", "The API has no endpoint for this environment: use the other"
                    + " environment's keys."),
            Map.entry("insufficient_scope", "Ask for the scope the description names when requesting the token"
                    + " (scope=... in the token request)."),
            Map.entry("rate_limited", "The plan's limit is reached: wait until the window resets (Retry-After"
                    + " says when), or change the subscription to a plan with a higher limit."),
            Map.entry("path_invalid", "Send the operation's path as it is: no empty, '.' or '..' segments, no"
                    + " encoded '/'."));

    private RefusalAdvice() {
    }

    static String of(String reason) {
        return ADVICE.getOrDefault(reason, "See the description; every reason is listed in the README.");
    }
}
