package dev.gatehouse.keymanager.changes;

import dev.gatehouse.keymanager.changes.api.Change;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;

/** The change feed and its log on a test transaction, for data-layer tests of other features. */
public final class ChangeFeedTesting {
    private ChangeFeedTesting() {
    }

    public static ChangeLogBean log(EntityManager em) {
        ChangeLogBean log = new ChangeLogBean();
        log.em = em;
        return log;
    }

    /** A feed whose committed-change events nobody observes: the tests read the feed instead. */
    @SuppressWarnings("unchecked")
    public static ChangeFeed on(EntityManager em) {
        ChangeFeed feed = new ChangeFeed();
        feed.em = em;
        feed.committed = (Event<Change>) Proxy.newProxyInstance(Event.class.getClassLoader(),
                new Class<?>[] {Event.class}, (self, method, arguments) -> null);
        return feed;
    }
}
