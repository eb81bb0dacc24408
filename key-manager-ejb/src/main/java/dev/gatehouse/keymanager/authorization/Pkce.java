package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.authorization.api.InvalidGrant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7636 with S256 only: {@code plain} protects nothing against an attacker who sees the request (RFC 9700 §2.1.1). */
final class Pkce {

    /** BASE64URL(SHA-256(verifier)): 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    static void checkChallenge(String challenge, String method, boolean required, AuthorizationRedirect back) {
        if (challenge == null || challenge.isEmpty()) {
            if (method != null && !method.isEmpty()) {
                throw back.refused("invalid_request", "code_challenge_method without code_challenge.");
            }
            if (required) {
                throw back.refused("invalid_request", "PKCE is required: send code_challenge and"
                        + " code_challenge_method=S256.");
            }
            return;
        }
        // a challenge without a method is "plain" (RFC 7636 §4.3), which is not accepted
        if (!"S256".equals(method)) {
            throw back.refused("invalid_request", "Only code_challenge_method=S256 is supported.");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw back.refused("invalid_request", "code_challenge must be the 43-character BASE64URL of a SHA-256.");
        }
    }

    /** RFC 7636 §4.6, and RFC 9700 §2.1.1: a verifier for a code that was not bound to a challenge is refused too. */
    static void checkVerifier(String challenge, String verifier) {
        if (challenge == null) {
            if (verifier != null) {
                throw new InvalidGrant("code_verifier sent for a code issued without code_challenge.");
            }
            return;
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            throw new InvalidGrant("code_verifier is missing or malformed.");
        }
        if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidGrant("code_verifier does not match the code_challenge.");
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
