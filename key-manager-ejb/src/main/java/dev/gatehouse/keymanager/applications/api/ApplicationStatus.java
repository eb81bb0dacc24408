package dev.gatehouse.keymanager.applications.api;

public enum ApplicationStatus {
    ACTIVE,
    BLOCKED
}
