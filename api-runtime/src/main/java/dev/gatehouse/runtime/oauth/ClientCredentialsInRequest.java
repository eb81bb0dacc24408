package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.runtime.developer.BasicCredentials;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Client authentication at the OAuth endpoints: client_secret_basic (RFC 6749 Appendix B: both halves
 * form-url-encoded inside the Basic header) or client_secret_post, never both.
 */
@ApplicationScoped
public class ClientCredentialsInRequest {

    @EJB
    ClientAuthentication clients;

    /** The current request: failures are throttled per client id and source address. */
    @Inject
    HttpServletRequest request;

    public AuthenticatedClient authenticate(String authorization, MultivaluedMap<String, String> form) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean post = form.containsKey("client_secret");
        if (basic && post) {
            throw OAuthError.invalidRequest("Use one client authentication method: the Basic header or client_secret in the body, not both.");
        }
        if (authorization != null && !basic) {
            throw OAuthError.invalidClient("Unsupported client authentication scheme; use Basic.", true);
        }
        String clientId;
        String secret;
        if (basic) {
            var credentials = BasicCredentials.parse(authorization)
                    .orElseThrow(() -> OAuthError.invalidClient("Malformed Basic credentials.", true));
            try {
                clientId = URLDecoder.decode(credentials.id(), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(credentials.password(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient("Malformed Basic credentials.", true);
            }
        } else if (post) {
            clientId = form.getFirst("client_id");
            secret = form.getFirst("client_secret");
            if (form.get("client_secret").size() > 1 || form.containsKey("client_id") && form.get("client_id").size() > 1) {
                throw OAuthError.invalidRequest("client_id and client_secret may appear only once.");
            }
        } else {
            throw OAuthError.invalidClient("Client authentication is required (Basic header or client_secret).", false);
        }
        if (basic && form.containsKey("client_id") && !clientId.equals(form.getFirst("client_id"))) {
            throw OAuthError.invalidRequest("client_id in the body differs from the authenticated client.");
        }
        try {
            return clients.authenticate(clientId, secret, request.getRemoteAddr());
        } catch (InvalidClient e) {
            throw OAuthError.invalidClient(e.getMessage(), basic);
        } catch (ClientThrottled e) {
            throw OAuthError.throttled(e.retryAfterSeconds());
        }
    }
}
