package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.plans.api.PlanView;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An API as its reader may see it: the backend's URLs and whether the caller's token is forwarded are its
 * publisher's and administrators' to know, and empty for everyone else ({@link #withoutBackend()}).
 */
public record ApiView(UUID id, String name, String context, String version, String description, Set<String> tags,
        Lifecycle lifecycle, String endpointType, String productionUrl, String sandboxUrl, boolean forwardToken,
        List<PlanView> plans, List<OperationView> operations) {

    public ApiView withoutBackend() {
        return new ApiView(id, name, context, version, description, tags, lifecycle, endpointType, null, null, false,
                plans, operations);
    }
}
