package dev.gatehouse.keymanager.authorization;

import java.util.Set;

/**
 * The OpenID Connect scopes (Core 1.0 §5.4): they ask for the person's identity, not for an API, so every client
 * of the code flow may ask for them, whatever it is subscribed to.
 */
final class OpenIdScopes {

    static final String OPENID = "openid";
    static final String PROFILE = "profile";
    static final String EMAIL = "email";
    static final Set<String> ALL = Set.of(OPENID, PROFILE, EMAIL);

    private OpenIdScopes() {
    }

    static boolean isIdentity(String scope) {
        return ALL.contains(scope);
    }
}
