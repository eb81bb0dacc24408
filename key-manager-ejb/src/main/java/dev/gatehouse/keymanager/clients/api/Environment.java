package dev.gatehouse.keymanager.clients.api;

/** An application's keys exist per environment; a sandbox token reaches only sandbox endpoints. */
public enum Environment {
    PRODUCTION,
    SANDBOX
}
