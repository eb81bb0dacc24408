package dev.gatehouse.runtime.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 7662 introspection on a real Payara Micro: a client learns about its own tokens only, and {@code active} says
 * what the gateway would do with the token. Owner-generated tokens die with the secret they are bound to.
 */
class IntrospectionIT extends RuntimeAtRoot {

    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");
    private static final JsonObject INACTIVE = jakarta.json.Json.createObjectBuilder().add("active", JsonValue.FALSE).build();

    private Keys keys() throws Exception {
        return Keys.generate(client, "introspected");
    }

    private String token(Keys keys) throws Exception {
        Answer token = client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS);
        assertEquals(200, token.status(), token.body());
        return token.json().getString("access_token");
    }

    private JsonObject introspect(Keys asClient, String token) throws Exception {
        Answer answer = client.form("oauth2/introspect", asClient.basic(), Map.of("token", token));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("no-store", answer.header("Cache-Control"));
        return answer.json();
    }

    @Test
    void aClientSeesItsOwnLiveToken() throws Exception {
        Keys keys = keys();
        String token = token(keys);

        JsonObject answer = introspect(keys, token);

        assertTrue(answer.getBoolean("active"), answer.toString());
        assertEquals(keys.clientId(), answer.getString("client_id"));
        assertEquals(keys.applicationId(), answer.getString("application_id"));
    }

    @Test
    void anotherDevelopersClientLearnsNothingAboutAToken() throws Exception {
        Keys owner = keys();
        Keys stranger = keys();
        String token = token(owner);

        assertEquals(INACTIVE, introspect(stranger, token), "active=false and no claims");
        assertTrue(introspect(owner, token).getBoolean("active"), "still live for its own client");
    }

    @Test
    void aBlockedApplicationsTokenIsInactiveUntilUnblocked() throws Exception {
        Keys keys = keys();
        String token = token(keys);

        Answer blocked = client.send("POST", "management/v1/applications/" + keys.applicationId() + "/block", ADMIN, null);
        assertEquals(200, blocked.status(), blocked.body());
        assertEquals(INACTIVE, introspect(keys, token), "the gateway refuses it: application_blocked");

        Answer unblocked = client.send("POST", "management/v1/applications/" + keys.applicationId() + "/unblock", ADMIN, null);
        assertEquals(200, unblocked.status(), unblocked.body());
        assertTrue(introspect(keys, token).getBoolean("active"), "served again once unblocked");
    }

    @Test
    void aRevokedTokenIsInactive() throws Exception {
        Keys keys = keys();
        String token = token(keys);

        assertEquals(200, client.form("oauth2/revoke", keys.basic(), Map.of("token", token)).status());

        assertEquals(INACTIVE, introspect(keys, token));
    }

    @Test
    void aDeletedApplicationsTokenIsInactive() throws Exception {
        Keys keys = keys();
        Keys other = keys();
        String token = token(keys);

        assertEquals(204, client.send("DELETE", "developer/v1/applications/" + keys.applicationId(), keys.owner().basic(), null).status());

        assertEquals(INACTIVE, introspect(other, token));
        Answer gone = client.form("oauth2/introspect", keys.basic(), Map.of("token", token));
        assertEquals(401, gone.status(), "its own client is gone with it: " + gone.body());
        assertEquals("invalid_client", gone.json().getString("error"));
    }

    @Test
    void anOwnersTokenDiesWithTheSecretItIsBoundTo() throws Exception {
        Keys keys = keys();
        Answer generated = client.send("POST", keys.path() + "/token", keys.owner().basic(), "{}");
        assertEquals(200, generated.status(), generated.body());
        String token = generated.json().getString("accessToken");
        JsonObject second = client.send("POST", keys.path() + "/secrets", keys.owner().basic(), "{\"name\":\"next\"}").json();
        Keys withSecond = new Keys(keys.owner(), keys.applicationId(), keys.clientId(),
                second.getJsonObject("secret").getString("id"), second.getString("value"));
        assertTrue(introspect(keys, token).getBoolean("active"));

        assertEquals(204, client.send("DELETE", keys.path() + "/secrets/" + keys.secretId(), keys.owner().basic(), null).status());

        assertEquals(INACTIVE, introspect(withSecond, token), "bound to the secret that was active when it was made");
    }

    @Test
    void keysWithoutAnActiveSecretIssueNoToken() throws Exception {
        Keys keys = keys();

        assertEquals(204, client.send("DELETE", keys.path() + "/secrets/" + keys.secretId(), keys.owner().basic(), null).status());
        Answer refused = client.send("POST", keys.path() + "/token", keys.owner().basic(), "{}");

        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.header("Content-Type"));
        assertTrue(refused.body().contains("Generate a secret first"), refused.body());
        assertEquals(401, client.form("oauth2/token", keys.basic(), CLIENT_CREDENTIALS).status());
    }
}
