package dev.gatehouse.runtime.gateway;

import dev.gatehouse.runtime.JsonOutput;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import dev.gatehouse.runtime.oauth.OAuthError;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;

/**
 * The error page for 401 (see web.xml). MicroProfile JWT refuses a bad bearer token before the application sees the
 * request, with a bare 401; this page turns that into RFC 6750's {@code WWW-Authenticate: Bearer
 * error="invalid_token"} and an RFC 9457 body that says why, asking the key manager, which verifies tokens the same
 * way. It runs only for refused requests, so the second verification costs nothing on the hot path.
 */
@WebServlet("/_gatehouse/token-refused")
public class TokenRefusedServlet extends HttpServlet {

    private static final String BEARER = "bearer ";

    @EJB
    TokenService tokens;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(request.getContextPath().length());
        Response answer = path.startsWith("/oauth2/")
                // the OAuth endpoints authenticate clients by Basic or the body: RFC 6749 §5.2 says invalid_client
                ? OAuthError.invalidClient("Clients authenticate with HTTP Basic or client_secret_post, not a bearer"
                        + " token.", false).toResponse()
                : refusal(request.getHeader("Authorization")).toResponse();
        response.setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(answer.getMediaType().toString());
        response.setCharacterEncoding("UTF-8");
        JsonOutput.writer(response.getWriter()).write((JsonObject) answer.getEntity());
    }

    private Refusal refusal(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Refusal.noToken();
        }
        TokenCheck check = tokens.check(authorization.substring(BEARER.length()).strip());
        return check.isAccepted()
                // the key manager accepts what the container refused: most likely a signing key newer than the
                // container's cached JWKS, which it fetches again within a minute
                ? Refusal.invalidToken("token_refused", "The token was refused; if it is new, retry in a minute.")
                : Refusal.invalidToken(check.reason(), check.description());
    }
}
