package dev.gatehouse.runtime.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The developer REST API on a real Payara Micro: accounts, applications, keys, secrets, configuration. */
class DeveloperApiIT extends RuntimeAtRoot {

    private static String app(String name, String description) {
        var json = Json.createObjectBuilder().add("name", name);
        if (description != null) {
            json.add("description", description);
        }
        return json.build().toString();
    }

    private String createApplication(Developer developer, String name) throws Exception {
        var created = client.send("POST", "developer/v1/applications", developer.basic(), app(name, "test"));
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    @Test
    void aDeveloperCreatesListsRenamesAndDeletesApplications() throws Exception {
        Developer developer = client.signUp();

        var created = client.send("POST", "developer/v1/applications", developer.basic(), app("  Weather App ", "forecasts"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals("Weather App", created.json().getString("name"), "the name is trimmed");
        assertEquals("ACTIVE", created.json().getString("status"));
        assertTrue(created.header("Location").endsWith("/developer/v1/applications/" + id));

        var list = client.send("GET", "developer/v1/applications", developer.basic(), null);
        assertEquals(1, list.array().size());

        var renamed = client.send("PUT", "developer/v1/applications/" + id, developer.basic(), app("Forecasts", null));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Forecasts", renamed.json().getString("name"));

        assertEquals(204, client.send("DELETE", "developer/v1/applications/" + id, developer.basic(), null).status());
        assertEquals(404, client.send("GET", "developer/v1/applications/" + id, developer.basic(), null).status());
    }

    @Test
    void applicationNamesAreUniquePerDeveloperIgnoringCase() throws Exception {
        Developer alice = client.signUp();
        Developer bob = client.signUp();
        createApplication(alice, "Shop");

        var duplicate = client.send("POST", "developer/v1/applications", alice.basic(), app("sHoP ", null));

        assertEquals(409, duplicate.status());
        assertEquals("application/problem+json", duplicate.header("Content-Type"));
        assertEquals("urn:gatehouse:problem:duplicate_application_name", duplicate.json().getString("type"));
        assertEquals(201, client.send("POST", "developer/v1/applications", bob.basic(), app("Shop", null)).status(),
                "another developer may use the same name");
    }

    @Test
    void badApplicationInputIsAClearProblem() throws Exception {
        Developer developer = client.signUp();

        var blank = client.send("POST", "developer/v1/applications", developer.basic(), app("   ", null));
        var tooLong = client.send("POST", "developer/v1/applications", developer.basic(), app("x".repeat(101), null));
        var notJson = client.send("POST", "developer/v1/applications", developer.basic(), "{not json");
        var noBody = client.send("POST", "developer/v1/applications", developer.basic(), null);

        assertEquals(400, blank.status(), blank.body());
        assertTrue(blank.json().getString("detail").contains("name is required"), blank.body());
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals(400, notJson.status(), notJson.body());
        assertTrue(noBody.status() == 400 || noBody.status() == 415, noBody.status() + " " + noBody.body());
        assertEquals(0, client.send("GET", "developer/v1/applications", developer.basic(), null).array().size(),
                "nothing half-written");
    }

    @Test
    void anotherDevelopersApplicationKeysAndSecretsAreNotFound() throws Exception {
        Developer alice = client.signUp();
        Developer mallory = client.signUp();
        String id = createApplication(alice, "Private");
        var keys = client.send("POST", "developer/v1/applications/" + id + "/keys/PRODUCTION", alice.basic(), null);
        assertEquals(201, keys.status(), keys.body());
        String secretId = keys.json().getJsonObject("secret").getJsonObject("secret").getString("id");

        String path = "developer/v1/applications/" + id;
        assertEquals(404, client.send("GET", path, mallory.basic(), null).status());
        assertEquals(404, client.send("PUT", path, mallory.basic(), app("Mine now", null)).status());
        assertEquals(404, client.send("DELETE", path, mallory.basic(), null).status());
        assertEquals(404, client.send("GET", path + "/keys/PRODUCTION", mallory.basic(), null).status());
        assertEquals(404, client.send("POST", path + "/keys/SANDBOX", mallory.basic(), null).status());
        assertEquals(404, client.send("DELETE", path + "/keys/PRODUCTION/secrets/" + secretId, mallory.basic(), null).status());
        assertEquals(404, client.send("POST", path + "/keys/PRODUCTION/token", mallory.basic(), "{}").status());
        assertFalse(client.send("GET", "developer/v1/applications", mallory.basic(), null).body().contains(id));

        var stillThere = client.send("GET", path + "/keys/PRODUCTION", alice.basic(), null);
        assertEquals(200, stillThere.status());
        assertTrue(stillThere.json().getJsonArray("secrets").getJsonObject(0).getBoolean("active"));
    }

    @Test
    void withoutValidCredentialsTheApiAsksForThem() throws Exception {
        Developer developer = client.signUp();

        var none = client.send("GET", "developer/v1/applications", null, null);
        var wrong = client.send("GET", "developer/v1/applications", RuntimeClient.basic(developer.username(), "wrong password!"), null);
        var garbage = client.send("GET", "developer/v1/applications", "Basic !!!", null);

        for (var answer : new RuntimeClient.Answer[] {none, wrong, garbage}) {
            assertEquals(401, answer.status());
            assertTrue(answer.header("WWW-Authenticate").startsWith("Basic "), answer.header("WWW-Authenticate"));
            assertEquals("application/problem+json", answer.header("Content-Type"));
        }
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        Developer developer = client.signUp();
        String id = createApplication(developer, "Keys");
        String keysPath = "developer/v1/applications/" + id + "/keys/SANDBOX";

        var generated = client.send("POST", keysPath, developer.basic(), null);

        assertEquals(201, generated.status(), generated.body());
        assertEquals("no-store", generated.header("Cache-Control"));
        JsonObject body = generated.json();
        String clientId = body.getJsonObject("keys").getString("clientId");
        String secret = body.getJsonObject("secret").getString("value");
        assertNotNull(clientId);
        assertTrue(secret.length() >= 43, "256 random bits");
        var again = client.send("GET", keysPath, developer.basic(), null);
        assertEquals(200, again.status());
        assertEquals(clientId, again.json().getString("clientId"));
        assertFalse(again.body().contains(secret), "the secret value is never shown again");
        assertEquals(409, client.send("POST", keysPath, developer.basic(), null).status(), "keys exist already");
        assertEquals(404, client.send("GET", "developer/v1/applications/" + id + "/keys/STAGING", developer.basic(), null).status());
    }

    @Test
    void theAdvancedConfigurationIsValidated() throws Exception {
        Developer developer = client.signUp();
        String id = createApplication(developer, "Configured");
        String keysPath = "developer/v1/applications/" + id + "/keys/PRODUCTION";
        assertEquals(201, client.send("POST", keysPath, developer.basic(), null).status());

        var saved = client.send("PUT", keysPath + "/configuration", developer.basic(), configuration(
                "[\"client_credentials\",\"authorization_code\",\"refresh_token\"]", 900, 7200,
                "https://app.example.com/callback", true, false));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(900, saved.json().getJsonObject("configuration").getInt("accessTokenLifetimeSeconds"));
        assertEquals(900, client.send("GET", keysPath, developer.basic(), null).json()
                .getJsonObject("configuration").getInt("accessTokenLifetimeSeconds"), "saved");

        assertRefused(keysPath, developer, configuration("[\"password\"]", 900, 7200, null, false, false), "password grant");
        assertRefused(keysPath, developer, configuration("[\"authorization_code\"]", 900, 7200,
                "http://app.example.com/cb", true, false), "https");
        assertRefused(keysPath, developer, configuration("[\"authorization_code\"]", 900, 7200, null, true, false), "callback URL");
        assertRefused(keysPath, developer, configuration("[\"client_credentials\"]", 900, 7200, null, true, true), "public client");
        assertRefused(keysPath, developer, configuration("[\"client_credentials\"]", 5, 7200, null, false, false), "at least 60");
        assertEquals(900, client.send("GET", keysPath, developer.basic(), null).json()
                .getJsonObject("configuration").getInt("accessTokenLifetimeSeconds"), "refusals change nothing");
        var localhost = client.send("PUT", keysPath + "/configuration", developer.basic(), configuration(
                "[\"authorization_code\"]", 900, 7200, "http://localhost:3000/callback", true, true));
        assertEquals(200, localhost.status(), "http is fine for localhost: " + localhost.body());
    }

    private void assertRefused(String keysPath, Developer developer, String configuration, String hint) throws Exception {
        var answer = client.send("PUT", keysPath + "/configuration", developer.basic(), configuration);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.json().getString("detail").contains(hint), hint + " in " + answer.body());
    }

    private static String configuration(String grants, int access, int refresh, String callback, boolean pkce,
            boolean publicClient) {
        return "{\"grantTypes\":" + grants + ",\"accessTokenLifetimeSeconds\":" + access
                + ",\"refreshTokenLifetimeSeconds\":" + refresh
                + (callback == null ? "" : ",\"callbackUrl\":\"" + callback + "\"")
                + ",\"pkceRequired\":" + pkce + ",\"publicClient\":" + publicClient + "}";
    }

    @Test
    void secretsRotateWithoutDowntime() throws Exception {
        Developer developer = client.signUp();
        String id = createApplication(developer, "Rotating");
        String keysPath = "developer/v1/applications/" + id + "/keys/PRODUCTION";
        String firstId = client.send("POST", keysPath, developer.basic(), null).json()
                .getJsonObject("secret").getJsonObject("secret").getString("id");

        var second = client.send("POST", keysPath + "/secrets", developer.basic(), "{\"name\":\"next\"}");
        assertEquals(201, second.status(), second.body());
        assertEquals(2, client.send("GET", keysPath + "/secrets", developer.basic(), null).array().stream()
                .filter(s -> s.asJsonObject().getBoolean("active")).count());

        assertEquals(204, client.send("DELETE", keysPath + "/secrets/" + firstId, developer.basic(), null).status());

        var secrets = client.send("GET", keysPath + "/secrets", developer.basic(), null).array();
        assertEquals(1, secrets.stream().filter(s -> s.asJsonObject().getBoolean("active")).count());
        assertEquals("next", secrets.stream().map(s -> s.asJsonObject())
                .filter(s -> s.getBoolean("active")).findFirst().orElseThrow().getString("name"));
        assertEquals(404, client.send("DELETE", keysPath + "/secrets/" + java.util.UUID.randomUUID(), developer.basic(), null).status());
    }

    @Test
    void theOpenApiDocumentDescribesTheDeveloperApi() throws Exception {
        var openapi = new RuntimeClient(URI.create(base.toString()).resolve("/")).send("GET", "openapi", null, null);

        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/developer/v1/applications"), "documented");
    }
}
