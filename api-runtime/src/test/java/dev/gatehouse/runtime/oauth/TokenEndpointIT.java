package dev.gatehouse.runtime.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.FromAddress;
import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth2 endpoints on a real Payara Micro: RFC 6749 §5.2 errors, both client authentications, revocation. */
class TokenEndpointIT extends RuntimeAtRoot {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

    private Keys keys() throws Exception {
        return Keys.generate(client, "oauth");
    }

    private static void assertOAuthError(Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(error, answer.json().getString("error"), answer.body());
        assertFalse(answer.json().getString("error_description").isBlank());
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void clientCredentialsWithBasicAuthentication() throws Exception {
        Keys keys = keys();

        Answer token = client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS);

        assertEquals(200, token.status(), token.body());
        assertEquals("no-store", token.header("Cache-Control"));
        JsonObject body = token.json();
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(3600, body.getInt("expires_in"));
        assertTrue(body.containsKey("scope"));
        String[] parts = body.getString("access_token").split("\\.");
        assertEquals(3, parts.length, "a JWS");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(claims.contains("\"client_id\":\"" + keys.clientId() + "\""), claims);
        assertTrue(claims.contains("\"sub\":\"" + keys.clientId() + "\""), claims);
    }

    @Test
    void clientCredentialsWithTheSecretInTheBody() throws Exception {
        Keys keys = keys();

        Answer token = client.form("oauth2/token", null, Map.of("grant_type", "client_credentials",
                "client_id", keys.clientId(), "client_secret", keys.secret()));

        assertEquals(200, token.status(), token.body());
    }

    @Test
    void bothAuthenticationMethodsAtOnceAreRefused() throws Exception {
        Keys keys = keys();

        Answer answer = client.form("oauth2/token", keys.basic(), Map.of("grant_type", "client_credentials",
                "client_id", keys.clientId(), "client_secret", keys.secret()));

        assertOAuthError(answer, 400, "invalid_request");
    }

    @Test
    void failedClientAuthenticationIsInvalidClient() throws Exception {
        Keys keys = keys();

        Answer wrongSecret = client.form("oauth2/token", RuntimeClient.clientBasic(keys.clientId(), "wrong"), CLIENT_CREDENTIALS);
        Answer unknownClient = client.form("oauth2/token", RuntimeClient.clientBasic("no-such-client", keys.secret()), CLIENT_CREDENTIALS);
        Answer none = client.form("oauth2/token", null, CLIENT_CREDENTIALS);
        Answer wrongPost = client.form("oauth2/token", null, Map.of("grant_type", "client_credentials",
                "client_id", keys.clientId(), "client_secret", "wrong"));

        assertOAuthError(wrongSecret, 401, "invalid_client");
        assertTrue(wrongSecret.header("WWW-Authenticate").startsWith("Basic"), "challenge when Basic was used");
        assertOAuthError(unknownClient, 401, "invalid_client");
        assertEquals(wrongSecret.json().getString("error_description"), unknownClient.json().getString("error_description"),
                "an unknown client is indistinguishable from a wrong secret");
        assertOAuthError(none, 401, "invalid_client");
        assertOAuthError(wrongPost, 401, "invalid_client");
        assertNull(wrongPost.header("WWW-Authenticate"), "no Basic challenge when Basic was not used");
    }

    @Test
    void malformedBasicHeadersAreInvalidClient() throws Exception {
        String notBase64 = "Basic %%%not-base64%%%";
        String noColon = "Basic " + Base64.getEncoder().encodeToString("justanid".getBytes());
        String emptyId = "Basic " + Base64.getEncoder().encodeToString(":secret".getBytes());
        String hugeId = "Basic " + Base64.getEncoder().encodeToString(("x".repeat(2_900) + ":s").getBytes());
        String otherScheme = "Bearer abc";

        for (String header : new String[] {notBase64, noColon, emptyId, hugeId, otherScheme}) {
            Answer answer = client.form("oauth2/token", header, CLIENT_CREDENTIALS);
            assertOAuthError(answer, 401, "invalid_client");
        }
    }

    @Test
    void requestErrorsFollowRfc6749() throws Exception {
        Keys keys = keys();

        assertOAuthError(client.form("oauth2/token", keys.basic(), Map.of()), 400, "invalid_request");
        assertOAuthError(client.formRaw("oauth2/token", keys.basic(), "grant_type=client_credentials&grant_type=client_credentials"),
                400, "invalid_request");
        assertOAuthError(client.form("oauth2/token", keys.basic(), Map.of("grant_type", "password",
                "username", "u", "password", "p")), 400, "unsupported_grant_type");
        assertOAuthError(client.form("oauth2/token", keys.basic(), Map.of("grant_type", "client_credentials",
                "scope", "not-allowed")), 400, "invalid_scope");
    }

    @Test
    void callerTextInAnErrorDescriptionIsOnlyPrintableAsciiWithoutQuotes() throws Exception {
        Keys keys = keys();
        String hostile = "evil\r\nSet-Cookie: a=b\"\\\u00e9\u0000";

        Answer grant = client.form("oauth2/token", keys.basic(), Map.of("grant_type", hostile));
        Answer parameter = client.formRaw("oauth2/token", keys.basic(), "grant_type=client_credentials&"
                + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8) + "=1&"
                + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8) + "=2");
        Answer scope = client.form("oauth2/token", keys.basic(), Map.of("grant_type", "client_credentials",
                "scope", hostile));

        for (Answer answer : java.util.List.of(grant, parameter, scope)) {
            assertEquals(400, answer.status(), answer.body());
            String description = answer.json().getString("error_description");
            // RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E
            assertTrue(description.matches("[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]+"), description);
        }
        // the caller's text is still recognisable, only neutralised
        assertTrue(grant.json().getString("error_description").contains("evil"), grant.body());
        assertTrue(parameter.json().getString("error_description").contains("evil"), parameter.body());
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorized() throws Exception {
        Keys keys = keys();
        Answer configured = client.send("PUT", "developer/v1/applications/" + keys.applicationId() + "/keys/PRODUCTION/configuration",
                keys.owner().basic(), "{\"grantTypes\":[\"authorization_code\"],\"accessTokenLifetimeSeconds\":600,"
                        + "\"refreshTokenLifetimeSeconds\":3600,\"callbackUrl\":\"https://app.example.com/cb\",\"pkceRequired\":true,\"publicClient\":false}");
        assertEquals(200, configured.status(), configured.body());

        assertOAuthError(client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS), 400, "unauthorized_client");
    }

    @Test
    void repeatedWrongSecretsThrottleOnlyThatClient() throws Exception {
        Keys victim = keys();
        Keys bystander = keys();
        String wrong = RuntimeClient.clientBasic(victim.clientId(), "guess");

        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.form("oauth2/token", wrong, CLIENT_CREDENTIALS).status());
        }
        Answer throttled = client.form("oauth2/token", victim.basic(), CLIENT_CREDENTIALS);

        assertEquals(429, throttled.status(), throttled.body());
        assertTrue(Long.parseLong(throttled.header("Retry-After")) > 0);
        assertEquals(200, client.form("oauth2/token", bystander.basic(), CLIENT_CREDENTIALS).status(),
                "other clients are untouched");
    }

    @Test
    void wrongSecretsFromAnotherAddressDoNotLockTheOwnerOut() throws Exception {
        Keys victim = keys();
        String form = "grant_type=client_credentials";
        String wrong = RuntimeClient.clientBasic(victim.clientId(), "guess");
        URI server = base.toURI();

        for (int i = 0; i < 8; i++) {
            int status = FromAddress.send("127.0.0.2", server, "POST", "/oauth2/token", wrong, FORM, form).status();
            assertTrue(status == 401 || status == 429, "a wrong secret: " + status);
        }
        FromAddress.Answer guesser = FromAddress.send("127.0.0.2", server, "POST", "/oauth2/token", victim.basic(), FORM, form);
        FromAddress.Answer owner = FromAddress.send("127.0.0.1", server, "POST", "/oauth2/token", victim.basic(), FORM, form);

        assertEquals(200, owner.status(), "the owner on another address keeps its client: " + owner.body());
        assertEquals(429, guesser.status(), guesser.body());
        assertTrue(Long.parseLong(guesser.header("Retry-After")) > 0);
    }

    @Test
    void introspectionAndRevocation() throws Exception {
        Keys keys = keys();
        String token = client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS).json().getString("access_token");

        JsonObject active = client.form("oauth2/introspect", keys.basic(), Map.of("token", token)).json();
        assertTrue(active.getBoolean("active"), active.toString());
        assertEquals(keys.clientId(), active.getString("client_id"));

        assertEquals(200, client.form("oauth2/revoke", keys.basic(), Map.of("token", token)).status());

        JsonObject revoked = client.form("oauth2/introspect", keys.basic(), Map.of("token", token)).json();
        assertEquals(Map.of("active", jakarta.json.JsonValue.FALSE), revoked, "nothing but active=false");
        assertEquals(200, client.form("oauth2/revoke", keys.basic(), Map.of("token", "not-a-token")).status(),
                "unknown tokens are fine (RFC 7009)");
        assertOAuthError(client.form("oauth2/introspect", null, Map.of("token", token)), 401, "invalid_client");
    }

    @Test
    void aClientCannotRevokeAnothersToken() throws Exception {
        Keys owner = keys();
        Keys other = keys();
        String token = client.form("oauth2/token", owner.basic(), CLIENT_CREDENTIALS).json().getString("access_token");

        assertEquals(200, client.form("oauth2/revoke", other.basic(), Map.of("token", token)).status());

        assertTrue(client.form("oauth2/introspect", owner.basic(), Map.of("token", token)).json().getBoolean("active"));
    }

    @Test
    void revokingASecretKillsItsTokensButNotThoseOfTheOtherSecret() throws Exception {
        Keys keys = keys();
        String keysPath = "developer/v1/applications/" + keys.applicationId() + "/keys/PRODUCTION";
        JsonObject second = client.send("POST", keysPath + "/secrets", keys.owner().basic(), "{\"name\":\"next\"}").json();
        String secondBasic = RuntimeClient.clientBasic(keys.clientId(), second.getString("value"));
        String oldToken = client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS).json().getString("access_token");
        String newToken = client.form("oauth2/token", secondBasic, CLIENT_CREDENTIALS).json().getString("access_token");

        assertEquals(204, client.send("DELETE", keysPath + "/secrets/" + keys.secretId(), keys.owner().basic(), null).status());

        assertFalse(client.form("oauth2/introspect", secondBasic, Map.of("token", oldToken)).json().getBoolean("active"));
        assertTrue(client.form("oauth2/introspect", secondBasic, Map.of("token", newToken)).json().getBoolean("active"));
        assertOAuthError(client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS), 401, "invalid_client");
    }

    @Test
    void theKeySetAndTheMetadataArePublished() throws Exception {
        JsonObject jwks = client.send("GET", "oauth2/jwks", null, null).json();
        JsonObject key = jwks.getJsonArray("keys").getJsonObject(0);
        assertNotNull(key.getString("kid"));
        assertEquals("sig", key.getString("use"));
        assertTrue(key.getString("alg").equals("RS256") || key.getString("alg").equals("ES256"));
        assertFalse(key.containsKey("d"), "never the private part");

        JsonObject metadata = client.send("GET", ".well-known/oauth-authorization-server", null, null).json();
        assertTrue(metadata.getString("token_endpoint").endsWith("/oauth2/token"));
        assertTrue(metadata.getJsonArray("token_endpoint_auth_methods_supported").toString().contains("client_secret_basic"));
    }

    @Test
    void aTestTokenFromTheDeveloperApi() throws Exception {
        Keys keys = keys();

        Answer token = client.send("POST", "developer/v1/applications/" + keys.applicationId() + "/keys/PRODUCTION/token",
                keys.owner().basic(), "{\"validitySeconds\":600}");

        assertEquals(200, token.status(), token.body());
        assertEquals(600, token.json().getInt("expiresIn"));
        assertTrue(client.form("oauth2/introspect", keys.basic(), Map.of("token", token.json().getString("accessToken")))
                .json().getBoolean("active"));
    }
}
