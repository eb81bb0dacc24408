package dev.gatehouse.runtime.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog, subscriptions and the management API over HTTP on a real Payara Micro. */
class CatalogApiIT extends RuntimeAtRoot {

    private JsonObject pizzaShack() throws Exception {
        var page = client.send("GET", "developer/v1/apis?search=pizzashack", null, null);
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").getJsonObject(0);
    }

    @Test
    void theSampleApisAreInTheCatalogWithTheirDocuments() throws Exception {
        var catalog = client.send("GET", "developer/v1/apis", null, null).json();

        assertTrue(catalog.getInt("total") >= 2, catalog.toString());
        JsonObject pizza = pizzaShack();
        assertEquals("PUBLISHED", pizza.getString("lifecycle"));
        assertEquals(4, pizza.getJsonArray("plans").size());
        var document = client.send("GET", "developer/v1/apis/" + pizza.getString("id") + "/openapi", null, null);
        assertEquals(200, document.status());
        assertTrue(document.body().contains("openapi: 3.0.3"), document.body());
    }

    @Test
    void aDeveloperSubscribesOnceAndTheTokenMayCarryTheApisScopes() throws Exception {
        Developer developer = client.signUp();
        String app = client.send("POST", "developer/v1/applications", developer.basic(), "{\"name\":\"subscriber\"}").json().getString("id");
        String api = pizzaShack().getString("id");
        String subscribe = "{\"apiId\":\"" + api + "\",\"planId\":\"" + BRONZE + "\"}";

        var subscription = client.send("POST", "developer/v1/applications/" + app + "/subscriptions", developer.basic(), subscribe);
        var again = client.send("POST", "developer/v1/applications/" + app + "/subscriptions", developer.basic(), subscribe);

        assertEquals(201, subscription.status(), subscription.body());
        assertEquals("ACTIVE", subscription.json().getString("status"));
        assertEquals(409, again.status());
        assertEquals("urn:gatehouse:problem:already_subscribed", again.json().getString("type"));

        JsonObject keys = client.send("POST", "developer/v1/applications/" + app + "/keys/PRODUCTION", developer.basic(), null).json();
        String basic = RuntimeClient.clientBasic(keys.getJsonObject("keys").getString("clientId"), keys.getJsonObject("secret").getString("value"));
        var token = client.form("oauth2/token", basic, Map.of("grant_type", "client_credentials", "scope", "orders:write"));
        assertEquals(200, token.status(), token.body());
        assertEquals("orders:write", token.json().getString("scope"));

        Developer other = client.signUp();
        assertEquals(404, client.send("GET", "developer/v1/applications/" + app + "/subscriptions", other.basic(), null).status());
        assertEquals(204, client.send("DELETE", "developer/v1/applications/" + app + "/subscriptions/"
                + subscription.json().getString("id"), developer.basic(), null).status());
    }

    @Test
    void publishersImportAndPublishDevelopersMayNot() throws Exception {
        String context = "echo-" + UUID.randomUUID().toString().substring(0, 8);
        String document = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Echo\",\"version\":\"1.0\"},\"paths\":{\"/echo\":{\"get\":"
                + "{\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"example\":{\"echo\":true}}}}}}}}}";
        String request = Json.createObjectBuilder().add("document", document).add("context", context)
                .add("endpointType", "MOCK").add("planIds", Json.createArrayBuilder().add(BRONZE)).build().toString();
        Developer developer = client.signUp();

        assertEquals(403, client.send("POST", "management/v1/apis", developer.basic(), request).status());
        var imported = client.send("POST", "management/v1/apis", ADMIN, request);
        assertEquals(201, imported.status(), imported.body());
        String id = imported.json().getString("id");
        assertEquals(404, client.send("GET", "developer/v1/apis/" + id, null, null).status(), "CREATED is not public");
        assertEquals(409, client.send("POST", "management/v1/apis", ADMIN, request).status(), "context and version are unique");

        var published = client.send("POST", "management/v1/apis/" + id + "/lifecycle", ADMIN, "{\"lifecycle\":\"PUBLISHED\"}");
        assertEquals(200, published.status(), published.body());
        assertEquals(200, client.send("GET", "developer/v1/apis/" + id, null, null).status());
        var illegal = client.send("POST", "management/v1/apis/" + id + "/lifecycle", ADMIN, "{\"lifecycle\":\"CREATED\"}");
        assertEquals(400, illegal.status());
        assertEquals("urn:gatehouse:problem:illegal_lifecycle_transition", illegal.json().getString("type"));

        var malformed = client.send("POST", "management/v1/apis", ADMIN, Json.createObjectBuilder().add("document", "not: [openapi")
                .add("context", "broken").add("planIds", Json.createArrayBuilder().add(BRONZE)).build().toString());
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("application/problem+json", malformed.header("Content-Type"));
    }

    @Test
    void aPlanThatNeedsApprovalPutsSubscriptionsOnHoldUntilAPublisherApproves() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String planRequest = "{\"name\":\"Platinum " + suffix + "\",\"requestLimit\":100,\"timeUnit\":\"SECOND\",\"requiresApproval\":true}";
        Developer developer = client.signUp();
        assertEquals(403, client.send("POST", "management/v1/plans", developer.basic(), planRequest).status());
        var plan = client.send("POST", "management/v1/plans", ADMIN, planRequest);
        assertEquals(201, plan.status(), plan.body());
        assertEquals(409, client.send("POST", "management/v1/plans", ADMIN, planRequest).status());
        assertEquals(400, client.send("POST", "management/v1/plans", ADMIN, "{\"name\":\"Half " + suffix + "\",\"requestLimit\":5}").status(),
                "a limit needs its time unit");
        String planId = plan.json().getString("id");

        String document = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Vault\",\"version\":\"1\"},\"paths\":{\"/gold\":{\"get\":"
                + "{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
        String api = client.send("POST", "management/v1/apis", ADMIN, Json.createObjectBuilder().add("document", document)
                .add("context", "vault-" + suffix).add("planIds", Json.createArrayBuilder().add(planId)).build().toString())
                .json().getString("id");
        assertEquals(200, client.send("POST", "management/v1/apis/" + api + "/lifecycle", ADMIN, "{\"lifecycle\":\"PUBLISHED\"}").status());
        String app = client.send("POST", "developer/v1/applications", developer.basic(), "{\"name\":\"vault\"}").json().getString("id");

        var subscription = client.send("POST", "developer/v1/applications/" + app + "/subscriptions", developer.basic(),
                "{\"apiId\":\"" + api + "\",\"planId\":\"" + planId + "\"}");
        assertEquals("ON_HOLD", subscription.json().getString("status"), subscription.body());
        String id = subscription.json().getString("id");
        assertTrue(client.send("GET", "management/v1/subscriptions?status=ON_HOLD", ADMIN, null).body().contains(id));
        assertEquals(403, client.send("POST", "management/v1/subscriptions/" + id + "/approve", developer.basic(), null).status());

        var approved = client.send("POST", "management/v1/subscriptions/" + id + "/approve", ADMIN, null);
        assertEquals("ACTIVE", approved.json().getString("status"), approved.body());
        assertEquals("BLOCKED", client.send("POST", "management/v1/subscriptions/" + id + "/block", ADMIN, null).json().getString("status"));
        assertEquals("ACTIVE", client.send("POST", "management/v1/subscriptions/" + id + "/unblock", ADMIN, null).json().getString("status"));
        assertEquals(400, client.send("POST", "management/v1/subscriptions/" + id + "/approve", ADMIN, null).status(), "only ON_HOLD is approved");
    }

    @Test
    void pagesAndSizesOutOfRangeAreBadRequests() throws Exception {
        for (String query : java.util.List.of("page=2147483647&size=2147483647", "page=2147483647", "page=-1",
                "size=0", "size=101", "size=-5", "page=abc", "size=1e3", "page=99999999999")) {
            var answer = client.send("GET", "developer/v1/apis?" + query, null, null);

            assertEquals(400, answer.status(), query + ": " + answer.body());
            assertEquals("application/problem+json", answer.header("Content-Type").split(";")[0], query);
            assertEquals("invalid_request", answer.json().getString("reason"), query);
        }
        var last = client.send("GET", "developer/v1/apis?page=1000000&size=100", null, null);
        assertEquals(200, last.status(), last.body());
        assertEquals(0, last.json().getJsonArray("items").size());
    }
}
