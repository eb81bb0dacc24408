package dev.gatehouse.keymanager.changes;

import jakarta.persistence.EntityManager;

/** A ChangeFeed on a test transaction, for data-layer tests of other features. */
public final class ChangeFeedTesting {
    private ChangeFeedTesting() {
    }

    public static ChangeFeed on(EntityManager em) {
        ChangeFeed feed = new ChangeFeed();
        feed.em = em;
        return feed;
    }
}
