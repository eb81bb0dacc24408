package dev.gatehouse.keymanager.clients.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An application's OAuth2 keys per environment. Only the application's owner reaches them. */
@Local
public interface ApplicationKeys {

    /** Creates the client id and a first secret, returned in plain text this once. */
    GeneratedKeys generate(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment);

    Optional<KeySetView> find(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment);

    KeySetView configure(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment,
            @NotNull @Valid OAuthConfiguration configuration);

    NewSecret addSecret(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment,
            @NotNull @Valid SecretRequest request);

    /** Revokes the secret and every token issued with it. */
    void revokeSecret(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment,
            @NotNull UUID secretId);

    /** A new secret in place of the given one, which is revoked with its tokens. */
    NewSecret regenerateSecret(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment,
            @NotNull UUID secretId);

    /**
     * An access token for the owner to try the APIs with (the portal's Generate button), as the
     * client-credentials grant would issue it; scopes empty means all the subscriptions allow. The token is bound to
     * the newest active secret (its {@code secret_id}), so revoking that secret revokes it; with no active secret,
     * {@link NoActiveSecret}.
     */
    IssuedToken testToken(@NotNull Caller caller, @NotNull UUID applicationId, @NotNull Environment environment,
            @NotNull Set<String> scopes, Integer validitySeconds);
}
