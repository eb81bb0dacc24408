package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class DuplicateApiContext extends BusinessException {
    public DuplicateApiContext(String context, String version) {
        super(Kind.CONFLICT, "duplicate_api_context", "An API with context /" + context + " version " + version + " exists already.");
    }
}
