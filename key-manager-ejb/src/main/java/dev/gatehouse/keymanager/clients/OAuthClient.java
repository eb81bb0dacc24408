package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.KeySetView;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.database.VersionedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** An application's OAuth2 client in one environment: its keys and their advanced configuration. */
@Entity
@Table(name = "oauth_clients")
@NamedQuery(name = "OAuthClient.ofApplication",
        query = "SELECT c FROM OAuthClient c WHERE c.applicationId = :application AND c.environment = :environment")
@NamedQuery(name = "OAuthClient.byClientId", query = "SELECT c FROM OAuthClient c WHERE c.clientId = :clientId")
public class OAuthClient extends VersionedRow {

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Environment environment;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    /** Space-separated, as OAuth writes lists. */
    @Column(name = "grant_types", nullable = false, length = 200)
    private String grantTypes;

    @Column(name = "access_token_lifetime_seconds", nullable = false)
    private int accessTokenLifetimeSeconds;

    @Column(name = "refresh_token_lifetime_seconds", nullable = false)
    private int refreshTokenLifetimeSeconds;

    @Column(name = "callback_url", length = 2048)
    private String callbackUrl;

    @Column(name = "pkce_required", nullable = false)
    private boolean pkceRequired;

    @Column(name = "public_client", nullable = false)
    private boolean publicClient;

    @Column(name = "try_it_console", nullable = false)
    private boolean tryItConsole;

    protected OAuthClient() {
    }

    OAuthClient(UUID applicationId, Environment environment, String clientId) {
        super(Instant.now());
        this.applicationId = applicationId;
        this.environment = environment;
        this.clientId = clientId;
        configure(OAuthConfiguration.defaults());
    }

    void configure(OAuthConfiguration configuration) {
        this.grantTypes = String.join(" ", new TreeSet<>(configuration.grantTypes()));
        this.accessTokenLifetimeSeconds = configuration.accessTokenLifetimeSeconds();
        this.refreshTokenLifetimeSeconds = configuration.refreshTokenLifetimeSeconds();
        this.callbackUrl = configuration.callbackUrl() == null || configuration.callbackUrl().isBlank()
                ? null : configuration.callbackUrl().strip();
        this.pkceRequired = configuration.pkceRequired();
        this.publicClient = configuration.publicClient();
        this.tryItConsole = configuration.tryItConsole();
        changed();
    }

    OAuthConfiguration configuration() {
        Set<String> grants = grantTypes.isBlank() ? Set.of()
                : Arrays.stream(grantTypes.split(" ")).collect(Collectors.toUnmodifiableSet());
        return new OAuthConfiguration(grants, accessTokenLifetimeSeconds, refreshTokenLifetimeSeconds, callbackUrl,
                pkceRequired, publicClient, tryItConsole);
    }

    UUID applicationId() {
        return applicationId;
    }

    Environment environment() {
        return environment;
    }

    String clientId() {
        return clientId;
    }

    KeySetView toView(List<ClientSecret> secrets) {
        Instant now = Instant.now();
        return new KeySetView(applicationId, environment, clientId, configuration(),
                secrets.stream().map(secret -> secret.toView(now)).toList(), createdAt());
    }
}
