package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class ApiNotFound extends BusinessException {
    public ApiNotFound() {
        super(Kind.NOT_FOUND, "api_not_found", "No such API.");
    }
}
