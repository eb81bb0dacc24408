package dev.gatehouse.keymanager.keys.api;

import jakarta.ejb.Local;
import java.util.List;

/** The keys that sign access tokens, shared by every instance through the database. */
@Local
public interface SigningKeys {

    /** The RFC 7517 key set (public members only) of every key whose tokens may be alive or that will sign soon. */
    String jwks();

    /** Starts a rotation: a new key is published now and signs once verifiers have had time to fetch it. */
    SigningKeyView rotate();

    List<SigningKeyView> list();
}
