package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.secrets.SecretValues;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.applications.Application;
import dev.gatehouse.keymanager.applications.ApplicationRepository;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.clients.api.ApplicationKeys;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.GeneratedKeys;
import dev.gatehouse.keymanager.clients.api.InvalidConfiguration;
import dev.gatehouse.keymanager.clients.api.KeySetView;
import dev.gatehouse.keymanager.clients.api.KeysAlreadyGenerated;
import dev.gatehouse.keymanager.clients.api.NewSecret;
import dev.gatehouse.keymanager.clients.api.NoActiveSecret;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.ScopeGrant;
import dev.gatehouse.keymanager.clients.api.SecretRequest;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Stateless
public class ApplicationKeysBean implements ApplicationKeys {

    @Inject
    ApplicationRepository applications;

    @Inject
    ClientRepository clients;

    @EJB
    TokenService tokens;

    @EJB
    RevocationService revocations;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    @Override
    public GeneratedKeys generate(Caller caller, UUID applicationId, Environment environment) {
        Application application = applications.ownedForUpdate(caller, applicationId);
        if (clients.find(application.id(), environment).isPresent()) {
            throw new KeysAlreadyGenerated();
        }
        OAuthClient client = new OAuthClient(application.id(), environment, SecretValues.newClientId());
        clients.add(client);
        NewSecret secret = newSecret(client, "default", null);
        audit.success(caller.username(), "keys.generate", "oauth_client", client.clientId(), environment.name());
        return new GeneratedKeys(client.toView(clients.secrets(client)), secret);
    }

    @Override
    public Optional<KeySetView> find(Caller caller, UUID applicationId, Environment environment) {
        applications.owned(caller, applicationId);
        return clients.find(applicationId, environment).map(client -> client.toView(clients.secrets(client)));
    }

    @Override
    public KeySetView configure(Caller caller, UUID applicationId, Environment environment,
            OAuthConfiguration configuration) {
        applications.owned(caller, applicationId);
        OAuthClient client = clients.get(applicationId, environment);
        OAuthConfigurationRules.check(configuration);
        client.configure(configuration);
        changes.record(ChangedEntity.OAUTH_CLIENT, client.clientId(), "CONFIGURED");
        audit.success(caller.username(), "keys.configure", "oauth_client", client.clientId(),
                "grants=" + new TreeSet<>(configuration.grantTypes()));
        return client.toView(clients.secrets(client));
    }

    @Override
    public NewSecret addSecret(Caller caller, UUID applicationId, Environment environment, SecretRequest request) {
        applications.ownedForUpdate(caller, applicationId);
        OAuthClient client = clients.get(applicationId, environment);
        NewSecret secret = newSecret(client, request.name(), request.expiresAt());
        audit.success(caller.username(), "secret.add", "client_secret", secret.secret().id(), client.clientId());
        return secret;
    }

    @Override
    public void revokeSecret(Caller caller, UUID applicationId, Environment environment, UUID secretId) {
        applications.ownedForUpdate(caller, applicationId);
        OAuthClient client = clients.get(applicationId, environment);
        revoke(caller, client, clients.secret(client, secretId));
    }

    @Override
    public NewSecret regenerateSecret(Caller caller, UUID applicationId, Environment environment, UUID secretId) {
        applications.ownedForUpdate(caller, applicationId);
        OAuthClient client = clients.get(applicationId, environment);
        ClientSecret old = clients.secret(client, secretId);
        revoke(caller, client, old);
        NewSecret secret = newSecret(client, old.toView(Instant.now()).name(), null);
        audit.success(caller.username(), "secret.regenerate", "client_secret", secret.secret().id(), client.clientId());
        return secret;
    }

    @Override
    public IssuedToken testToken(Caller caller, UUID applicationId, Environment environment, Set<String> scopes,
            Integer validitySeconds) {
        applications.owned(caller, applicationId);
        OAuthClient client = clients.get(applicationId, environment);
        OAuthConfiguration configuration = client.configuration();
        if (!configuration.grantTypes().contains(OAuthConfiguration.CLIENT_CREDENTIALS)) {
            throw new InvalidConfiguration("Enable the client_credentials grant to generate a token here.");
        }
        Set<String> allowed = clients.allowedScopes(applicationId);
        Set<String> granted = ScopeGrant.grant(scopes, allowed);
        int validity = validitySeconds == null ? configuration.accessTokenLifetimeSeconds() : validitySeconds;
        if (validity < 60 || validity > configuration.accessTokenLifetimeSeconds()) {
            throw new InvalidConfiguration("Validity must be between 60 and "
                    + configuration.accessTokenLifetimeSeconds() + " seconds (the access token lifetime).");
        }
        IssuedToken token = tokens.issue(new TokenRequest(client.clientId(), applicationId, environment,
                newestActiveSecret(client), granted, Duration.ofSeconds(validity)));
        audit.success(caller.username(), "token.generate", "oauth_client", client.clientId(), "jti=" + token.jti());
        return token;
    }

    /**
     * The secret an owner's token is bound to, as a client_credentials token is to the secret it was obtained with:
     * revoking that secret revokes the token. The newest one, being the one a rotation keeps; none, no token.
     */
    private UUID newestActiveSecret(OAuthClient client) {
        Instant now = Instant.now();
        return clients.secrets(client).stream()
                .filter(secret -> secret.isActive(now))
                .reduce((older, newer) -> newer)
                .map(ClientSecret::id)
                .orElseThrow(NoActiveSecret::new);
    }

    private NewSecret newSecret(OAuthClient client, String name, Instant expiresAt) {
        String value = SecretValues.newSecret();
        ClientSecret secret = new ClientSecret(client.id(), name, SecretValues.hash(value), expiresAt);
        clients.add(secret);
        return new NewSecret(secret.toView(Instant.now()), value);
    }

    private void revoke(Caller caller, OAuthClient client, ClientSecret secret) {
        Instant now = Instant.now();
        secret.revoke(now);
        revocations.revokeSecretTokens(secret.id(), now);
        changes.record(ChangedEntity.CLIENT_SECRET, secret.id(), "REVOKED");
        audit.success(caller.username(), "secret.revoke", "client_secret", secret.id(), client.clientId());
    }
}
