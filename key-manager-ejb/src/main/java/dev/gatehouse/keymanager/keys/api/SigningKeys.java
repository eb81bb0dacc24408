package dev.gatehouse.keymanager.keys.api;

import jakarta.ejb.Local;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The keys that sign access tokens, shared by every instance through the database. */
@Local
public interface SigningKeys {

    /**
     * The RFC 7517 JWK Set (JSON text, public members only, each key with kid, use=sig and alg) of every key that
     * verifies: the one that signs, one about to sign, and retired ones whose tokens may still be alive.
     */
    String jwks();

    /**
     * Starts a rotation: a new key is published now and signs once verifiers have had time to fetch it
     * ({@code gatehouse.keys.publication-delay}). While a rotation is under way, returns the key already waiting.
     */
    SigningKeyView rotate(@NotBlank @Size(max = 100) String actor);

    /** Every key, newest first, DISABLED ones included. */
    List<SigningKeyView> list();
}
