package dev.gatehouse.keymanager.revocations;

import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.tokens.TokenSettings;
import jakarta.persistence.EntityManager;

/** A RevocationServiceBean wired as the container would, on a test transaction. */
public final class RevocationTesting {
    private RevocationTesting() {
    }

    public static void wire(RevocationServiceBean bean, EntityManager em, ChangeFeed changes, TokenSettings settings) {
        bean.em = em;
        bean.changes = changes;
        bean.settings = settings;
    }
}
