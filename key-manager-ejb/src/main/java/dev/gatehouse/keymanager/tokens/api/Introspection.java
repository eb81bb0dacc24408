package dev.gatehouse.keymanager.tokens.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** RFC 7662: what the token says, if it is active; an inactive token says nothing more about itself. */
public record Introspection(Optional<TokenClaims> claims) {

    public Introspection {
        Objects.requireNonNull(claims, "claims");
    }

    public static Introspection inactive() {
        return new Introspection(Optional.empty());
    }

    public static Introspection of(TokenClaims claims) {
        return new Introspection(Optional.of(claims));
    }

    public boolean active() {
        return claims.isPresent();
    }

    /**
     * The RFC 7662 §2.2 response members, in order: {@code active: false} alone for an unknown, expired, revoked or
     * malformed token, and for another client's; otherwise active, scope, client_id, sub, aud, iss, exp, iat, jti
     * and token_type.
     */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("active", active());
        claims.ifPresent(token -> {
            members.put("scope", String.join(" ", new TreeSet<>(token.scopes())));
            members.put("client_id", token.clientId());
            members.put("sub", token.subject());
            members.put("aud", token.audience());
            members.put("iss", token.issuer());
            members.put("exp", token.expiresAt().getEpochSecond());
            members.put("iat", token.issuedAt().getEpochSecond());
            members.put("jti", token.jti());
            members.put("token_type", IssuedToken.BEARER);
        });
        return Collections.unmodifiableMap(members);
    }
}
