package dev.gatehouse.keymanager.applications.api;

import dev.gatehouse.keymanager.api.BusinessException;

/** Also the answer for another developer's application: its existence is not disclosed. */
public class ApplicationNotFound extends BusinessException {
    public ApplicationNotFound() {
        super(Kind.NOT_FOUND, "application_not_found", "No such application.");
    }
}
