package dev.gatehouse.keymanager.keys;

import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.tokens.TokenSettings;
import jakarta.persistence.EntityManager;

/** A SigningKeysBean wired as the container would, on a test transaction. */
public final class SigningKeysTesting {
    private SigningKeysTesting() {
    }

    public static SigningKeysBean wire(EntityManager em, ChangeFeed changes, TokenSettings settings, KeyEncryption encryption) {
        SigningKeysBean keys = new SigningKeysBean();
        keys.em = em;
        keys.changes = changes;
        keys.settings = settings;
        keys.encryption = encryption;
        keys.advance();
        return keys;
    }
}
