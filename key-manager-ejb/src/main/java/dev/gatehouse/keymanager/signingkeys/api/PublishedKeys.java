package dev.gatehouse.keymanager.signingkeys.api;

import jakarta.ejb.Local;

/** The public halves of the keys that sign access tokens, for anyone who verifies them. */
@Local
public interface PublishedKeys {

    /**
     * The RFC 7517 JWK Set (JSON text, public members only, each key with kid, use=sig and alg) of every key that
     * verifies: the one that signs, one about to sign, and retired ones whose tokens may still be alive.
     */
    String jwks();
}
