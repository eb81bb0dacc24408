package dev.gatehouse.runtime.gateway;

import dev.gatehouse.runtime.oauth.OAuthError;
import dev.gatehouse.runtime.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Why the gateway will not serve a request: an HTTP status, a stable reason code for the RFC 9457 body, a sentence
 * for developers and the headers the refusal needs (RFC 6750 {@code WWW-Authenticate}, {@code Retry-After}...).
 */
record Refusal(Response.Status status, String reason, String description, Map<String, String> headers) {

    static final String REALM = "gatehouse";

    /** 401 without error code, as RFC 6750 §3.1 asks when the request carries no token. */
    static Refusal noToken() {
        return new Refusal(Response.Status.UNAUTHORIZED, "token_missing",
                "This API needs an access token: send Authorization: Bearer <token>.",
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\""));
    }

    /** 401 invalid_token: the token itself is refused (malformed, badly signed, expired, revoked...). */
    static Refusal invalidToken(String reason, String description) {
        return new Refusal(Response.Status.UNAUTHORIZED, reason, description,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, bearerError("invalid_token", description)));
    }

    /** 403 insufficient_scope, naming the scopes the operation needs (RFC 6750 §3). */
    static Refusal insufficientScope(String requiredScopes) {
        String description = "The operation needs the scope(s) " + requiredScopes + ".";
        return new Refusal(Response.Status.FORBIDDEN, "insufficient_scope", description,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, bearerError("insufficient_scope", description)
                        + ", scope=\"" + OAuthError.safeText(requiredScopes) + "\""));
    }

    /** 404 for an API that is unknown, or that this caller may not learn of (not published, not subscribed). */
    static Refusal apiNotFound(String context, String version) {
        return notFound("api_not_found", "No API is published at /api/" + context + "/" + version + ".");
    }

    /** 400: a path a backend could read otherwise than the gateway matched it (encoded slash, dot segment...). */
    static Refusal pathInvalid() {
        return new Refusal(Response.Status.BAD_REQUEST, "path_invalid", "The path has an empty, '.' or '..'"
                + " segment, or an encoded '/', '\\' or control character; send the path of the operation as it is.",
                Map.of());
    }

    static Refusal forbidden(String reason, String description) {
        return new Refusal(Response.Status.FORBIDDEN, reason, description, Map.of());
    }

    static Refusal notFound(String reason, String description) {
        return new Refusal(Response.Status.NOT_FOUND, reason, description, Map.of());
    }

    static Refusal methodNotAllowed(java.util.Set<String> allowed) {
        return new Refusal(Response.Status.METHOD_NOT_ALLOWED, "method_not_allowed",
                "The operation's path allows " + String.join(", ", allowed) + ".",
                Map.of(HttpHeaders.ALLOW, String.join(", ", allowed)));
    }

    /** 429 with the draft RateLimit headers and Retry-After (RFC 9110 §10.2.3). */
    static Refusal rateLimited(String limitText, RateLimiter.Decision decision) {
        return new Refusal(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                "The subscription's plan allows " + limitText + "; retry in " + decision.resetSeconds() + " s.",
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()),
                        "RateLimit-Limit", Long.toString(decision.limit()),
                        "RateLimit-Remaining", Long.toString(decision.remaining()),
                        "RateLimit-Reset", Long.toString(decision.resetSeconds())));
    }

    /** The gateway could not serve a request it accepted: 502 or 504. */
    static Refusal gatewayFailure(Response.Status status, String reason, String description) {
        return new Refusal(status, reason, description, Map.of());
    }

    static String bearerError(String error, String description) {
        // RFC 6750 §3: quoted-string values; a description may quote the caller (a token's alg, say)
        return "Bearer realm=\"" + REALM + "\", error=\"" + error + "\", error_description=\""
                + OAuthError.safeText(description) + "\"";
    }

    Response toResponse() {
        Response.ResponseBuilder response = Response.fromResponse(
                Problem.of(status, reason, description).toResponse());
        headers.forEach(response::header);
        return response.build();
    }
}
