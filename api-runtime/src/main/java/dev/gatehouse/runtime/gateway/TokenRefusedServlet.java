package dev.gatehouse.runtime.gateway;

import dev.gatehouse.runtime.JsonOutput;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import dev.gatehouse.runtime.oauth.OAuthError;
import dev.gatehouse.runtime.oauth.UserInfoEndpoint;
import dev.gatehouse.runtime.problem.Problem;
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
 * The error page for 401, and for a bare 500 from the container's authentication (see web.xml). MicroProfile JWT refuses a bad bearer token before the application sees the
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
        String authorization = request.getHeader("Authorization");
        Response answer;
        if (isServerError(request) && !isBearerRefusal(request, authorization)) {
            // any other 500 keeps its status, as a problem body
            answer = Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                    "The server could not answer this request.").toResponse();
        } else if (path.startsWith("/oauth2/") && !path.equals(UserInfoEndpoint.PATH)) {
            // the OAuth endpoints authenticate clients by Basic or the body: RFC 6749 §5.2 says invalid_client;
            // UserInfo alone takes a bearer token, and is answered as the gateway is (RFC 6750)
            answer = OAuthError.invalidClient("Clients authenticate with HTTP Basic or client_secret_post, not a"
                    + " bearer token.", false).toResponse();
        } else {
            answer = refusal(authorization).toResponse();
        }
        response.setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(answer.getMediaType().toString());
        response.setCharacterEncoding("UTF-8");
        JsonOutput.writer(response.getWriter()).write((JsonObject) answer.getEntity());
    }

    /** Reached as the error page for 500 (web.xml), not 401. */
    private static boolean isServerError(HttpServletRequest request) {
        return Integer.valueOf(HttpServletResponse.SC_INTERNAL_SERVER_ERROR)
                .equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    }

    /**
     * A 500 without an exception, on a request with a bearer token: the container's MicroProfile JWT could not find
     * the token's key. smallrye-jwt (WildFly) answers a kid it cannot resolve with a bare 500 rather than 401 while
     * its JWKS was fetched less than {@code smallrye.jwt.jwks.forced-refresh-interval} ago. The key manager says why.
     */
    private static boolean isBearerRefusal(HttpServletRequest request, String authorization) {
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null && hasBearer(authorization);
    }

    private static boolean hasBearer(String authorization) {
        return authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
    }

    private Refusal refusal(String authorization) {
        if (!hasBearer(authorization)) {
            return Refusal.noToken();
        }
        TokenCheck check = tokens.check(authorization.substring(BEARER.length()).strip());
        return check.isAccepted()
                // the key manager accepts what the container refused: most likely a signing key newer than the
                // container's cached JWKS, which it fetches again within 10 s on Payara, a minute on WildFly
                ? Refusal.invalidToken("token_refused", "The token was refused; if it is new, its signing key may be"
                        + " too new for this server: retry in a few seconds.")
                : Refusal.invalidToken(check.reason(), check.description());
    }
}
