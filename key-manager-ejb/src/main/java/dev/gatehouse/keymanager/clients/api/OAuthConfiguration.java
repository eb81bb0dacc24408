package dev.gatehouse.keymanager.clients.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * The advanced OAuth2 configuration of one key set. Combinations are checked by the service (see
 * {@code OAuthConfigurationRules}); field limits here. {@code tryItConsole} accepts the portal's try-it redirect page
 * ({@link #TRY_IT_REDIRECT_PATH} on the issuer's origin) as a second callback, so that the API documentation's
 * console can sign a person in with this application's authorization-code flow.
 */
public record OAuthConfiguration(
        @NotNull(message = "grantTypes is required") Set<String> grantTypes,
        @Min(value = 60, message = "accessTokenLifetimeSeconds must be at least 60")
        @Max(value = 86_400, message = "accessTokenLifetimeSeconds must be at most 86400 (one day)")
        int accessTokenLifetimeSeconds,
        @Min(value = 60, message = "refreshTokenLifetimeSeconds must be at least 60")
        @Max(value = 7_776_000, message = "refreshTokenLifetimeSeconds must be at most 7776000 (90 days)")
        int refreshTokenLifetimeSeconds,
        @Size(max = 2048, message = "callbackUrl must be at most 2048 characters") String callbackUrl,
        boolean pkceRequired,
        boolean publicClient,
        boolean tryItConsole) {

    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String AUTHORIZATION_CODE = "authorization_code";
    /** The portal's page that hands an authorization code to the try-it console (Swagger UI's OAuth2 redirect). */
    public static final String TRY_IT_REDIRECT_PATH = "/devportal/oauth2-redirect.html";
    public static final Set<String> SUPPORTED_GRANT_TYPES = Set.of(CLIENT_CREDENTIALS, REFRESH_TOKEN, AUTHORIZATION_CODE);

    public static OAuthConfiguration defaults() {
        return new OAuthConfiguration(Set.of(CLIENT_CREDENTIALS), 3600, 86_400, null, false, false, false);
    }

    public OAuthConfiguration {
        grantTypes = grantTypes == null ? null : Set.copyOf(grantTypes);
    }
}
