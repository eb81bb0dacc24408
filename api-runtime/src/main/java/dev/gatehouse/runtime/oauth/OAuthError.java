package dev.gatehouse.runtime.oauth;

import dev.gatehouse.runtime.JsonOutput;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 6749 §5.2 error answer: {@code {error, error_description}}, never cached. */
public class OAuthError extends RuntimeException {

    private final String error;
    private final Response.Status status;
    private final String challenge;
    private final Long retryAfterSeconds;

    private OAuthError(String error, String description, Response.Status status, String challenge, Long retryAfter) {
        super(safeText(description), null, false, false);
        this.error = error;
        this.status = status;
        this.challenge = challenge;
        this.retryAfterSeconds = retryAfter;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, Response.Status.BAD_REQUEST, null, null);
    }

    /** 401; with Basic authentication attempted, the answer carries the Basic challenge (RFC 6749 §5.2). */
    public static OAuthError invalidClient(String description, boolean basicUsed) {
        return new OAuthError("invalid_client", description, Response.Status.UNAUTHORIZED,
                basicUsed ? "Basic realm=\"gatehouse\"" : null, null);
    }

    public static OAuthError throttled(long retryAfterSeconds) {
        return new OAuthError("invalid_client", "Too many failed authentications for this client; retry after "
                + retryAfterSeconds + " s.", Response.Status.TOO_MANY_REQUESTS, null, retryAfterSeconds);
    }

    /** 503 with Retry-After: the server cannot answer now (its database is restarting), the request was fine. */
    public static OAuthError temporarilyUnavailable(long retryAfterSeconds) {
        return new OAuthError("temporarily_unavailable", "The server cannot answer this request now; retry after "
                + retryAfterSeconds + " s.", Response.Status.SERVICE_UNAVAILABLE, null, retryAfterSeconds);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description, Response.Status.BAD_REQUEST, null, null);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, Response.Status.BAD_REQUEST, null, null);
    }

    /** RFC 6749 §5.2: the code or refresh token is not good (unknown, expired, used, another client's). */
    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, Response.Status.BAD_REQUEST, null, null);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, Response.Status.BAD_REQUEST, null, null);
    }

    /**
     * Text that may carry what a caller sent, made fit for {@code error_description} (RFC 6749 §5.2) and for a
     * quoted-string in {@code WWW-Authenticate} (RFC 6750 §3): printable ASCII without {@code "} or {@code \}, so no
     * CR/LF, quote or escape can end the value or the header. Line breaks and tabs become spaces, a quote an
     * apostrophe, a backslash a slash, anything else outside the set a question mark.
     */
    public static String safeText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.append(switch (c) {
            case '"' -> '\'';
            case '\\' -> '/';
            case '\r', '\n', '\t' -> ' ';
            default -> c >= 0x20 && c <= 0x7e ? (char) c : '?';
        }));
        return safe.toString();
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(CacheControl.valueOf("no-store"))
                .header("Pragma", "no-cache")
                .entity(JsonOutput.object().add("error", error).add("error_description", getMessage()).build());
        if (challenge != null) {
            response.header("WWW-Authenticate", challenge);
        }
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }
}
