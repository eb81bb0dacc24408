package dev.gatehouse.keymanager.plans.api;

import java.util.UUID;

/** A business plan; requestLimit null means unlimited. */
public record PlanView(UUID id, String name, String description, Long requestLimit, String timeUnit, Long burstLimit,
        boolean requiresApproval) {

    /** "1000 requests/minute", or "Unlimited". */
    public String limitText() {
        return requestLimit == null ? "Unlimited" : requestLimit + " requests/" + timeUnit.toLowerCase(java.util.Locale.ROOT);
    }
}
