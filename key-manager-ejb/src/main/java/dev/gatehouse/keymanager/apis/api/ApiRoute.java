package dev.gatehouse.keymanager.apis.api;

import java.util.List;
import java.util.UUID;

/**
 * What the gateway needs to serve an API: its lifecycle, its endpoint per environment (MOCK, or HTTP with a backend
 * base URL for production and for sandbox), whether the caller's token goes to the backend, and its operations.
 */
public record ApiRoute(UUID id, String name, String context, String version, Lifecycle lifecycle, String endpointType,
        String productionUrl, String sandboxUrl, boolean forwardToken, List<RouteOperation> operations) {

    public ApiRoute {
        operations = List.copyOf(operations);
    }

    public boolean isMock() {
        return "MOCK".equals(endpointType);
    }
}
