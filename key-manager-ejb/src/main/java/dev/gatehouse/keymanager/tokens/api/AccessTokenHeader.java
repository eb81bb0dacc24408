package dev.gatehouse.keymanager.tokens.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header rules of a Gatehouse access token, shared by the key manager's own verification and the gateway's
 * checks after MicroProfile JWT: typ {@code at+jwt} (RFC 9068 §4), an asymmetric algorithm the key manager signs
 * with (never none, never HMAC), a kid, no keys offered by the token itself (jwk, jku, x5u, x5c: RFC 8725 §3.10)
 * and no critical extensions, which Gatehouse understands none of.
 */
public final class AccessTokenHeader {

    /** RFC 9068 §4: with or without the media type prefix; media types ignore case. */
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private AccessTokenHeader() {
    }

    /** Why the header is refused, as a TokenCheck; empty if it is acceptable. */
    public static Optional<TokenCheck> refusal(JWSHeader header) {
        String type = header.getType() == null ? null : header.getType().getType().toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return Optional.of(TokenCheck.refused("token_algorithm_refused",
                    "The token is signed with " + header.getAlgorithm() + "; only RS256 and ES256 are accepted."));
        }
        if (!ACCESS_TOKEN_TYPES.contains(type)) {
            return Optional.of(TokenCheck.refused("token_type_invalid",
                    "The token's typ is not at+jwt: it is not an access token."));
        }
        if (header.getKeyID() == null) {
            return Optional.of(TokenCheck.refused("token_key_unknown", "The token names no signing key (kid)."));
        }
        if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
                || header.getX509CertChain() != null) {
            return Optional.of(TokenCheck.refused("token_header_refused",
                    "The token offers its own key (jwk, jku, x5u or x5c); keys come only from the issuer's JWKS."));
        }
        if (header.getCriticalParams() != null) {
            return Optional.of(TokenCheck.refused("token_header_refused",
                    "The token has critical header parameters that are not understood."));
        }
        return Optional.empty();
    }
}
