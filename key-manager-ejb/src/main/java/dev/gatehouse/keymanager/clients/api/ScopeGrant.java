package dev.gatehouse.keymanager.clients.api;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Which scopes a token gets: what was asked for if the subscriptions allow all of it; nothing asked, all allowed. */
public final class ScopeGrant {

    private ScopeGrant() {
    }

    /** RFC 6749 §3.3: space-separated scope tokens (printable ASCII but space, {@code "} and {@code \\}). */
    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        Set<String> scopes = new TreeSet<>(Arrays.asList(scope.strip().split(" +")));
        for (String token : scopes) {
            if (!token.chars().allMatch(c -> c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E)) {
                throw InvalidScope.malformed();
            }
        }
        return scopes;
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
