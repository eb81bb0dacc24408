package dev.gatehouse.keymanager.tokens.api;

import java.util.Optional;

/** RFC 7662: an inactive token says nothing more about itself. */
public record Introspection(Optional<TokenClaims> claims) {

    public boolean active() {
        return claims.isPresent();
    }
}
