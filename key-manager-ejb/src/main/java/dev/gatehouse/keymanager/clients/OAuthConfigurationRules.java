package dev.gatehouse.keymanager.clients;

import dev.gatehouse.keymanager.clients.api.InvalidConfiguration;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The rules that tie the advanced configuration's fields together; each refusal says what to change. */
final class OAuthConfigurationRules {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private OAuthConfigurationRules() {
    }

    static void check(OAuthConfiguration configuration) {
        Set<String> grants = configuration.grantTypes();
        if (grants.isEmpty()) {
            throw new InvalidConfiguration("Choose at least one grant type.");
        }
        if (grants.contains("password")) {
            throw new InvalidConfiguration("The password grant is not offered: it hands user passwords to clients"
                    + " (OAuth 2.0 Security BCP). Use authorization_code with PKCE.");
        }
        Set<String> unknown = new TreeSet<>(grants);
        unknown.removeAll(OAuthConfiguration.SUPPORTED_GRANT_TYPES);
        if (!unknown.isEmpty()) {
            throw new InvalidConfiguration("Unsupported grant type(s) " + unknown + "; supported are "
                    + new TreeSet<>(OAuthConfiguration.SUPPORTED_GRANT_TYPES) + ".");
        }
        if (grants.contains(OAuthConfiguration.REFRESH_TOKEN) && grants.size() == 1) {
            throw new InvalidConfiguration("refresh_token needs a grant that issues refresh tokens"
                    + " (authorization_code).");
        }
        if (configuration.publicClient()) {
            if (grants.contains(OAuthConfiguration.CLIENT_CREDENTIALS)) {
                throw new InvalidConfiguration("A public client has no secret, so it cannot use client_credentials.");
            }
            if (!configuration.pkceRequired()) {
                throw new InvalidConfiguration("A public client must require PKCE.");
            }
        }
        String callback = configuration.callbackUrl();
        boolean hasCallback = callback != null && !callback.isBlank();
        if (configuration.tryItConsole() && !grants.contains(OAuthConfiguration.AUTHORIZATION_CODE)) {
            throw new InvalidConfiguration("The try-it console signs people in with authorization_code: enable that"
                    + " grant too.");
        }
        if (grants.contains(OAuthConfiguration.AUTHORIZATION_CODE) && !hasCallback && !configuration.tryItConsole()) {
            throw new InvalidConfiguration("authorization_code needs a callback URL (or the try-it console's).");
        }
        if (hasCallback) {
            checkCallback(callback.strip());
        }
        if (configuration.refreshTokenLifetimeSeconds() < configuration.accessTokenLifetimeSeconds()
                && grants.contains(OAuthConfiguration.REFRESH_TOKEN)) {
            throw new InvalidConfiguration("The refresh token must live at least as long as the access token.");
        }
    }

    private static void checkCallback(String callback) {
        URI uri;
        try {
            uri = new URI(callback);
        } catch (URISyntaxException e) {
            throw new InvalidConfiguration("The callback URL is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidConfiguration("The callback URL must be absolute, such as https://app.example.com/callback.");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidConfiguration("The callback URL must not have a fragment (#...).");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new InvalidConfiguration("The callback URL must use https (http only for localhost).");
        }
    }
}
