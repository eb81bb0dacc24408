package dev.gatehouse.keymanager.tokens.api;

import jakarta.ejb.Local;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Access tokens: JWTs in the RFC 9068 profile, signed by the key manager's current signing key. */
@Local
public interface TokenService {

    /** A signed access token; its lifetime is the requested one, capped by {@code gatehouse.tokens.max-lifetime}. */
    IssuedToken issue(@NotNull TokenRequest request);

    /** An OpenID Connect ID token (Core 1.0 §2), signed with the key that signs access tokens. */
    String idToken(@NotNull IdTokenRequest request);

    /**
     * The claims, if the token is a Gatehouse access token (typ at+jwt, RS256 or ES256) signed by a key in use, from
     * this issuer for this audience, within its lifetime (30 s clock skew allowed) and not revoked. Empty for
     * anything else, including null and garbage; never throws on bad input.
     */
    Optional<TokenClaims> verify(String token);

    /** As {@link #verify}, with the reason when the token is refused. */
    TokenCheck check(String token);

    /**
     * RFC 7662, for the requesting client: the claims of its own token if the gateway would accept it (valid, not
     * revoked, its application neither blocked nor deleted); inactive for anything else, including any token of
     * another client (refused and audited), so that a client learns nothing about tokens it does not hold.
     */
    Introspection introspect(String token, @NotBlank String requestingClientId);

    /**
     * RFC 7009: revokes the token if it is a valid token of the requesting client. A token of another client is
     * refused (and audited) silently, and an unknown, invalid or expired token is ignored, as §2.2 asks.
     */
    void revoke(String token, @NotBlank String requestingClientId);
}
