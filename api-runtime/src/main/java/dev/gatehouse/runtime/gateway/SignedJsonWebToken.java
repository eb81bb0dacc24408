package dev.gatehouse.runtime.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bearer token whose signature, issuer and audience {@link BearerTokens} verified, as MicroProfile JWT's API
 * presents it: times as epoch seconds ({@code Long}), {@code aud} and {@code groups} as sets of strings, the token's
 * text as {@code raw_token}; other claims as the token carries them.
 */
final class SignedJsonWebToken implements JsonWebToken {

    private final String raw;
    private final JWTClaimsSet claims;

    SignedJsonWebToken(String raw, JWTClaimsSet claims) {
        this.raw = raw;
        this.claims = claims;
    }

    /** MicroProfile JWT's rule: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    @Override
    public String getName() {
        for (String claim : new String[] {"upn", "preferred_username"}) {
            if (claims.getClaim(claim) instanceof String name) {
                return name;
            }
        }
        return claims.getSubject();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        Object value = claims.getClaim(name);
        if (value instanceof Date date) {
            return (T) Long.valueOf(date.getTime() / 1000);
        }
        if ((Claims.aud.name().equals(name) || Claims.groups.name().equals(name))) {
            return (T) (value instanceof Collection<?> many ? Set.copyOf(many.stream().map(String::valueOf).toList())
                    : value == null ? null : Set.of(value.toString()));
        }
        return (T) value;
    }
}
