package dev.gatehouse.keymanager.apis.api;

import java.util.Set;

public record OperationView(String method, String path, String operationId, Set<String> scopes) {
}
