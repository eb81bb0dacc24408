package dev.gatehouse.keymanager.applications.api;

import dev.gatehouse.keymanager.api.BusinessException;

public class DuplicateApplicationName extends BusinessException {
    public DuplicateApplicationName(String name) {
        super(Kind.CONFLICT, "duplicate_application_name", "You already have an application named \"" + name + "\".");
    }
}
