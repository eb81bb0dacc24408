package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import dev.gatehouse.keymanager.clients.api.ClientCredentials;
import dev.gatehouse.keymanager.clients.api.ClientThrottled;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.runtime.authentication.BasicCredentials;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Client authentication at the OAuth endpoints: client_secret_basic (RFC 6749 Appendix B: both halves
 * form-url-encoded inside the Basic header) or client_secret_post, never both; or, for a public client, its
 * client_id alone (method {@code none}), which only the authorization-code and refresh grants of a client
 * registered as public accept.
 */
@ApplicationScoped
public class ClientCredentialsInRequest {

    @EJB
    ClientAuthentication clients;

    /** The current request: failures are throttled per client id and source address. */
    @Inject
    HttpServletRequest request;

    /** The credentials a request presents, and how: a refusal after Basic carries the Basic challenge. */
    public record Presented(ClientCredentials credentials, boolean basic) {

        /** The OAuth answer to the key manager's refusal of these credentials, or null for any other refusal. */
        public OAuthError refusal(BusinessException refused) {
            if (refused instanceof InvalidClient invalid) {
                return OAuthError.invalidClient(invalid.getMessage(), basic);
            }
            if (refused instanceof ClientThrottled throttled) {
                return OAuthError.throttled(throttled.retryAfterSeconds());
            }
            return null;
        }
    }

    /** The credentials, well-formed and presented one way, not yet checked. */
    public Presented presented(String authorization, MultivaluedMap<String, String> form) {
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
        } else if (form.containsKey("client_id") && form.get("client_id").size() == 1) {
            // a public client (RFC 6749 §2.1) names itself and has no secret: only its grants accept that
            clientId = form.getFirst("client_id");
            secret = null;
        } else {
            throw OAuthError.invalidClient("Client authentication is required (Basic header or client_secret).", false);
        }
        if (basic && form.containsKey("client_id") && !clientId.equals(form.getFirst("client_id"))) {
            throw OAuthError.invalidRequest("client_id in the body differs from the authenticated client.");
        }
        return new Presented(new ClientCredentials(clientId, secret, request.getRemoteAddr()), basic);
    }

    /**
     * The client a request speaks for: authenticated by its secret, or a client registered as public naming itself
     * (RFC 7009 §2.1 lets a public client revoke its own tokens); anyone else is invalid_client.
     */
    public String clientIdOf(String authorization, MultivaluedMap<String, String> form) {
        Presented presented = presented(authorization, form);
        if (presented.credentials().secret() != null) {
            return authenticate(presented).clientId();
        }
        String clientId = presented.credentials().clientId();
        return clients.registered(clientId).filter(registered -> registered.configuration().publicClient())
                .map(registered -> clientId)
                .orElseThrow(() -> OAuthError.invalidClient("Client authentication is required: this client is not"
                        + " registered as public.", false));
    }

    public AuthenticatedClient authenticate(String authorization, MultivaluedMap<String, String> form) {
        return authenticate(presented(authorization, form));
    }

    public AuthenticatedClient authenticate(Presented presented) {
        ClientCredentials credentials = presented.credentials();
        try {
            return clients.authenticate(credentials.clientId(), credentials.secret(), credentials.sourceAddress());
        } catch (InvalidClient | ClientThrottled e) {
            throw presented.refusal(e);
        }
    }
}
