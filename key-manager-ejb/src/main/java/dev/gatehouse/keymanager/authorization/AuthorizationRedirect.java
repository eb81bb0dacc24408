package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.authorization.api.AuthorizationRefused;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The way back to a client whose redirect URI has been checked: the answer's parameters added to its query
 * (RFC 6749 §4.1.2), with the client's state and, as RFC 9207 asks, the issuer.
 */
record AuthorizationRedirect(String redirectUri, String state, String issuer) {

    URI code(String code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        return with(parameters);
    }

    URI error(String error, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        return with(parameters);
    }

    AuthorizationRefused refused(String error, String description) {
        return new AuthorizationRefused(error, description, error(error, description));
    }

    private URI with(Map<String, String> parameters) {
        if (state != null) {
            parameters.put("state", state);
        }
        parameters.put("iss", issuer);
        StringBuilder uri = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        parameters.forEach((name, value) -> uri.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        uri.setLength(uri.length() - 1);
        return URI.create(uri.toString());
    }
}
