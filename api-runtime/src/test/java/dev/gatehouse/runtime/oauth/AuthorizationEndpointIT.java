package dev.gatehouse.runtime.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import dev.gatehouse.runtime.gateway.GatewayFixture;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorization endpoint on a real Payara Micro, without a browser: a good request goes on to the portal's
 * consent page as it came; which refusals are a page and which go back to the client; UserInfo's challenges; and
 * only an administrator marks an application first-party. The whole flow runs in the browser in the end-to-end ring.
 */
class AuthorizationEndpointIT extends RuntimeAtRoot {

    private static final String CALLBACK = "https://app.example.com/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private record App(Developer owner, String id, String clientId) {
    }

    /** An application whose production keys serve the code flow with PKCE. */
    private App app() throws Exception {
        Developer owner = client.signUp();
        String id = client.send("POST", "developer/v1/applications", owner.basic(), "{\"name\":\"people\"}").json()
                .getString("id");
        JsonObject keys = client.send("POST", "developer/v1/applications/" + id + "/keys/PRODUCTION", owner.basic(),
                null).json();
        Answer configured = client.send("PUT", "developer/v1/applications/" + id + "/keys/PRODUCTION/configuration",
                owner.basic(), "{\"grantTypes\":[\"authorization_code\",\"refresh_token\"],"
                        + "\"accessTokenLifetimeSeconds\":600,\"refreshTokenLifetimeSeconds\":3600,\"callbackUrl\":\""
                        + CALLBACK + "\",\"pkceRequired\":true,\"publicClient\":false}");
        assertEquals(200, configured.status(), configured.body());
        return new App(owner, id, keys.getJsonObject("keys").getString("clientId"));
    }

    @Test
    void aGoodRequestGoesOnToTheConsentPageAsItCame() throws Exception {
        App app = app();
        String query = "response_type=code&client_id=" + app.clientId()
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid+profile&state=a%20b"
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256&nonce=n1";

        Answer answer = client.send("GET", "oauth2/authorize?" + query, null, null);

        assertEquals(303, answer.status(), answer.body());
        assertEquals(base.toURI().resolve("/devportal/authorize.xhtml") + "?" + query, answer.header("Location"));
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void anUntrustedClientOrCallbackIsAPageAndTheRestGoesBackToTheClient() throws Exception {
        App app = app();
        String good = "client_id=" + app.clientId() + "&state=s1&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256";

        for (String untrusted : new String[] {"response_type=code&client_id=nobody",
                "response_type=code&" + good + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fother",
                "response_type=code&" + good + "&state=again"}) {
            Answer page = client.send("GET", "oauth2/authorize?" + untrusted, null, null);
            assertEquals(400, page.status(), untrusted + ": " + page.body());
            assertNull(page.header("Location"), "never redirected");
            assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        }

        Map<String, String> refusals = Map.of(
                "response_type=token&" + good, "unsupported_response_type",
                "response_type=code&client_id=" + app.clientId() + "&state=s1", "invalid_request",
                "response_type=code&" + good + "&scope=admin:everything", "invalid_scope",
                "response_type=code&" + good + "&scope=profile", "invalid_scope");
        for (var refusal : refusals.entrySet()) {
            Answer back = client.send("GET", "oauth2/authorize?" + refusal.getKey(), null, null);
            assertEquals(303, back.status(), refusal.getKey() + ": " + back.body());
            String location = back.header("Location");
            assertTrue(location.startsWith(CALLBACK + "?error=" + refusal.getValue() + "&"), location);
            assertTrue(location.contains("&state=s1&iss="), "state and RFC 9207's iss: " + location);
        }
    }

    @Test
    void userInfoWantsABearerTokenWithTheOpenidScope() throws Exception {
        Answer none = client.send("GET", "oauth2/userinfo", null, null);
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer realm="), none.header("WWW-Authenticate"));

        Answer forged = client.send("GET", "oauth2/userinfo", "Bearer not.a.token", null);
        assertEquals(401, forged.status());
        assertTrue(forged.header("WWW-Authenticate").contains("error=\"invalid_token\""));

        // a client's own token is no person's: 403 insufficient_scope
        GatewayFixture fixture = new GatewayFixture(client);
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        Answer clients = client.send("GET", "oauth2/userinfo", "Bearer " + fixture.token(app, null), null);
        assertEquals(403, clients.status(), clients.body());
        assertTrue(clients.header("WWW-Authenticate").contains("error=\"insufficient_scope\""));

        // each with the error as JSON, never the server's HTML error page
        for (Answer refused : List.of(none, forged, clients)) {
            assertEquals("application/json", refused.header("Content-Type").split(";")[0], refused.body());
            assertFalse(refused.json().getString("error_description").isBlank(), refused.body());
        }
        assertEquals("invalid_token", forged.json().getString("error"));
        assertEquals("insufficient_scope", clients.json().getString("error"));
    }

    @Test
    void aPublicClientRevokesByItsClientIdAloneAndAConfidentialOneMayNot() throws Exception {
        App confidential = app();
        Answer refused = client.form("oauth2/revoke", null, Map.of("client_id", confidential.clientId(),
                "token", "an-unknown-refresh-token"));
        assertEquals(401, refused.status(), refused.body());
        assertEquals("invalid_client", refused.json().getString("error"));

        App open = app();
        Answer configured = client.send("PUT", "developer/v1/applications/" + open.id()
                + "/keys/PRODUCTION/configuration", open.owner().basic(), "{\"grantTypes\":[\"authorization_code\","
                + "\"refresh_token\"],\"accessTokenLifetimeSeconds\":600,\"refreshTokenLifetimeSeconds\":3600,"
                + "\"callbackUrl\":\"" + CALLBACK + "\",\"pkceRequired\":true,\"publicClient\":true}");
        assertEquals(200, configured.status(), configured.body());
        Answer revoked = client.form("oauth2/revoke", null, Map.of("client_id", open.clientId(),
                "token", "an-unknown-refresh-token"));
        assertEquals(200, revoked.status(), "RFC 7009: an unknown token is answered 200 too: " + revoked.body());
        Answer noToken = client.form("oauth2/revoke", null, Map.of("client_id", open.clientId()));
        assertEquals(400, noToken.status(), noToken.body());
        assertEquals("invalid_request", noToken.json().getString("error"));
    }

    @Test
    void onlyAnAdministratorMarksAnApplicationFirstParty() throws Exception {
        App app = app();
        String path = "management/v1/applications/" + app.id() + "/first-party";

        assertEquals(403, client.send("PUT", path, app.owner().basic(), "{\"firstParty\":true}").status());
        Answer marked = client.send("PUT", path, ADMIN, "{\"firstParty\":true}");
        assertEquals(200, marked.status(), marked.body());
        assertTrue(marked.json().getBoolean("firstParty"));
        assertEquals(404, client.send("PUT", "management/v1/applications/00000000-0000-0000-0000-000000000000"
                + "/first-party", ADMIN, "{\"firstParty\":true}").status());
    }
}
