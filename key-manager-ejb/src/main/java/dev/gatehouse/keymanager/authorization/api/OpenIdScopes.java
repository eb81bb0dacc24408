package dev.gatehouse.keymanager.authorization.api;

import java.util.Set;

/**
 * The OpenID Connect scopes (Core 1.0 §5.4): they ask for the person's identity, not for an API, so every client
 * of the code flow may ask for them, whatever it is subscribed to.
 */
public final class OpenIdScopes {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final Set<String> ALL = Set.of(OPENID, PROFILE, EMAIL);

    private OpenIdScopes() {
    }

    public static boolean isIdentity(String scope) {
        return ALL.contains(scope);
    }
}
