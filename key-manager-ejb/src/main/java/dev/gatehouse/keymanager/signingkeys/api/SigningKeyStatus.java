package dev.gatehouse.keymanager.signingkeys.api;

/**
 * Where a signing key is in its life (as keycloak's DefaultKeyManager): ACTIVE keys sign once their signs-from time
 * has come (the newest of them); ACTIVE and PASSIVE keys verify and are published; DISABLED keys do nothing.
 */
public enum SigningKeyStatus {
    ACTIVE,
    PASSIVE,
    DISABLED
}
