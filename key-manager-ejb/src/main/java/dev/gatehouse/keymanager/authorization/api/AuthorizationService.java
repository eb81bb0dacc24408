package dev.gatehouse.keymanager.authorization.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The front half of the authorization-code flow (RFC 6749 §4.1): a client's request is checked, the person signs
 * in and allows or denies it, and is sent back to the client with a code or an error.
 */
@Local
public interface AuthorizationService {

    /**
     * Checks a request where it arrives; writes nothing. Throws {@link AuthorizationRefused}: without a redirect for
     * an unknown client or a redirect URI that is not the client's callback, with one for everything else
     * (unsupported response type, PKCE missing or not S256, a scope not allowed, a blocked application). The OpenID
     * Connect scopes (openid, profile, email) are allowed to every client; API scopes are those of the
     * application's subscriptions.
     */
    void check(@NotNull AuthorizationRequest request);

    /** What to ask the signed-in person about this request, checked again; refused as {@link #check} refuses. */
    ConsentPrompt prompt(@NotNull Caller person, @NotNull AuthorizationRequest request);

    /**
     * The person's answer, the request checked again: allowed, the redirect carries a single-use code valid for
     * 60 s and the consent is remembered; denied, it carries {@code access_denied}. Both carry state and iss
     * (RFC 9207). {@code signedInAt}: when the person signed in (an ID token's auth_time).
     */
    URI decide(@NotNull Caller person, @NotNull Instant signedInAt, @NotNull AuthorizationRequest request,
            boolean allow);

    /**
     * prompt=none and the person would have to sign in ({@code login_required}) or consent
     * ({@code consent_required}): the request checked, the redirect carrying that error with state and iss.
     */
    URI withoutInteraction(@NotNull AuthorizationRequest request, @NotNull String error);

    /**
     * The portal's try-it redirect page on the issuer's origin: a callback of every application whose developer
     * enabled the try-it console in its configuration.
     */
    String tryItRedirectUri();

    /** The applications this person has allowed, newest first. */
    List<AuthorizedApplication> authorized(@NotNull Caller person);

    /**
     * Withdraws the person's consent to an application: it must ask again, and every token it holds in their name
     * (refresh tokens and the access tokens issued with them or with a code) is revoked, on every node within a
     * second. Nothing happens for an application the person had not allowed.
     */
    void withdraw(@NotNull Caller person, @NotNull UUID applicationId);
}
