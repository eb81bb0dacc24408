package dev.gatehouse.keymanager.apis.api;

import java.util.Set;

/** One operation as the gateway routes it: every scope in {@code scopes} is required of the caller's token. */
public record RouteOperation(String method, String pathTemplate, Set<String> scopes, MockResponse mock) {

    public RouteOperation {
        scopes = Set.copyOf(scopes);
    }
}
