package dev.gatehouse.keymanager.clients.api;

import java.util.Set;
import java.util.TreeSet;

/** Which scopes a token gets: what was asked for if the subscriptions allow all of it; nothing asked, all allowed. */
public final class ScopeGrant {

    private ScopeGrant() {
    }

    public static Set<String> grant(Set<String> requested, Set<String> allowed) {
        if (requested == null || requested.isEmpty()) {
            return Set.copyOf(allowed);
        }
        Set<String> refused = new TreeSet<>(requested);
        refused.removeAll(allowed);
        if (!refused.isEmpty()) {
            throw new InvalidScope(refused);
        }
        return Set.copyOf(requested);
    }
}
