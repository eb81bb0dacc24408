package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.plans.api.PlanView;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public record ApiView(UUID id, String name, String context, String version, String description, Set<String> tags,
        Lifecycle lifecycle, String endpointType, String productionUrl, String sandboxUrl, List<PlanView> plans,
        List<OperationView> operations) {
}
