package dev.gatehouse.keymanager.accounts.api;

public enum Role {
    DEVELOPER,
    PUBLISHER,
    ADMIN
}
