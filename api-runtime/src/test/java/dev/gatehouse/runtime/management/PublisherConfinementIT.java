package dev.gatehouse.runtime.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Roles granted by an administrator over the management API, publishers confined to their own APIs and the
 * subscriptions to them, and accounts changing their own password, on a real Payara Micro.
 */
class PublisherConfinementIT extends RuntimeAtRoot {

    private static final String DOCUMENT = "openapi: 3.0.3\ninfo: {title: Owned, version: 1.0.0}\n"
            + "paths: {/things: {get: {responses: {'200': {description: ok}}}}}\n";

    private String accountId(Developer developer) throws Exception {
        Answer me = client.send("GET", "developer/v1/account", developer.basic(), null);
        assertEquals(200, me.status(), me.body());
        return me.json().getString("id");
    }

    private Developer publisher() throws Exception {
        Developer developer = client.signUp();
        Answer granted = client.send("PUT", "management/v1/accounts/" + accountId(developer) + "/roles/PUBLISHER", ADMIN, null);
        assertEquals(200, granted.status(), granted.body());
        return developer;
    }

    private String importApi(Developer publisher, String planId) throws Exception {
        Answer api = client.send("POST", "management/v1/apis", publisher.basic(), Json.createObjectBuilder()
                .add("document", DOCUMENT).add("context", "owned-" + UUID.randomUUID().toString().substring(0, 8))
                .add("endpointType", "MOCK").add("planIds", Json.createArrayBuilder().add(planId)).build().toString());
        assertEquals(201, api.status(), api.body());
        return api.json().getString("id");
    }

    @Test
    void aRoleGrantedOrTakenAwayAppliesToTheVeryNextRequest() throws Exception {
        Developer developer = client.signUp();
        String id = accountId(developer);
        assertEquals(403, client.send("GET", "management/v1/apis", developer.basic(), null).status());

        client.send("PUT", "management/v1/accounts/" + id + "/roles/PUBLISHER", ADMIN, null);
        assertEquals(200, client.send("GET", "management/v1/apis", developer.basic(), null).status(),
                "the remembered sign-in does not hide the new role");
        Answer revoked = client.send("DELETE", "management/v1/accounts/" + id + "/roles/PUBLISHER", ADMIN, null);
        assertEquals(200, revoked.status(), revoked.body());
        assertFalse(revoked.json().getJsonArray("roles").toString().contains("PUBLISHER"));
        assertEquals(403, client.send("GET", "management/v1/apis", developer.basic(), null).status());

        Answer page = client.send("GET", "management/v1/accounts?size=100", ADMIN, null);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.json().getInt("total") >= 2);
        assertEquals(403, client.send("GET", "management/v1/accounts", developer.basic(), null).status());
        assertEquals(403, client.send("PUT", "management/v1/accounts/" + id + "/roles/ADMIN", developer.basic(), null).status(),
                "only administrators grant roles");
    }

    @Test
    void theLastAdministratorCannotStepDown() throws Exception {
        String admin = client.send("GET", "developer/v1/account", ADMIN, null).json().getString("id");

        Answer refused = client.send("DELETE", "management/v1/accounts/" + admin + "/roles/ADMIN", ADMIN, null);

        assertEquals(409, refused.status(), refused.body());
        assertEquals("urn:gatehouse:problem:last_administrator", refused.json().getString("type"));
    }

    @Test
    void anotherPublishersApiAndItsSubscriptionsAreNotFound() throws Exception {
        Developer alpha = publisher();
        Developer beta = publisher();
        String approval = client.send("POST", "management/v1/plans", ADMIN, Json.createObjectBuilder()
                .add("name", "approval-" + UUID.randomUUID().toString().substring(0, 8)).add("requestLimit", 10)
                .add("timeUnit", "MINUTE").add("requiresApproval", true).build().toString()).json().getString("id");
        String api = importApi(alpha, approval);
        String betas = importApi(beta, BRONZE);
        assertEquals(200, client.send("POST", "management/v1/apis/" + api + "/lifecycle", alpha.basic(),
                "{\"lifecycle\":\"PUBLISHED\"}").status());
        Developer developer = client.signUp();
        String app = client.send("POST", "developer/v1/applications", developer.basic(), "{\"name\":\"confined\"}")
                .json().getString("id");
        Answer subscription = client.send("POST", "developer/v1/applications/" + app + "/subscriptions",
                developer.basic(), "{\"apiId\":\"" + api + "\",\"planId\":\"" + approval + "\"}");
        assertEquals(201, subscription.status(), subscription.body());
        String subscriptionId = subscription.json().getString("id");

        assertEquals(404, client.send("PUT", "management/v1/apis/" + api, beta.basic(),
                "{\"endpointType\":\"MOCK\",\"planIds\":[\"" + BRONZE + "\"]}").status());
        assertEquals(404, client.send("POST", "management/v1/apis/" + api + "/lifecycle", beta.basic(),
                "{\"lifecycle\":\"BLOCKED\"}").status());
        Answer approve = client.send("POST", "management/v1/subscriptions/" + subscriptionId + "/approve", beta.basic(), null);
        assertEquals(404, approve.status(), approve.body());
        assertEquals("urn:gatehouse:problem:subscription_not_found", approve.json().getString("type"));
        assertEquals(404, client.send("POST", "management/v1/subscriptions/" + subscriptionId + "/reject", beta.basic(), null).status());
        assertFalse(client.send("GET", "management/v1/subscriptions?status=ON_HOLD", beta.basic(), null).body()
                .contains(subscriptionId));
        String betasList = client.send("GET", "management/v1/apis", beta.basic(), null).body();
        assertTrue(betasList.contains(betas) && !betasList.contains(api), betasList);

        for (String part : new String[] {"subscriptions", "history", "usage"}) {
            assertEquals(404, client.send("GET", "management/v1/apis/" + api + "/" + part, beta.basic(), null).status(),
                    "another publisher's API's " + part);
        }
        assertEquals(403, client.send("GET", "management/v1/apis/" + api + "/subscriptions", developer.basic(), null)
                .status(), "a developer is no publisher");
        Answer subscribers = client.send("GET", "management/v1/apis/" + api + "/subscriptions", alpha.basic(), null);
        assertEquals(200, subscribers.status(), subscribers.body());
        assertEquals("confined", subscribers.array().getJsonObject(0).getString("applicationName"));
        assertEquals("Developer " + developer.username(), subscribers.array().getJsonObject(0).getString("developer"),
                "whose subscription it is (the display name the test client signs up with)");
        Answer history = client.send("GET", "management/v1/apis/" + api + "/history", alpha.basic(), null);
        assertEquals(List.of("api.lifecycle", "api.import"), history.array().getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("action")).toList(), history.body());

        assertTrue(client.send("GET", "management/v1/subscriptions?status=ON_HOLD", alpha.basic(), null).body()
                .contains(subscriptionId));
        assertEquals(200, client.send("POST", "management/v1/subscriptions/" + subscriptionId + "/approve", alpha.basic(), null).status());
        assertTrue(client.send("GET", "management/v1/apis", ADMIN, null).body().contains(betas),
                "the administrator sees every API");
        Answer appBlock = client.send("POST", "management/v1/applications/" + app + "/block", beta.basic(), null);
        assertEquals(403, appBlock.status(), "an application calls every publisher's APIs: " + appBlock.body());
        assertEquals(200, client.send("POST", "management/v1/applications/" + app + "/block", ADMIN, null).status());
    }

    @Test
    void anAccountChangesItsPasswordAndTheOldOneStopsWorking() throws Exception {
        Developer developer = client.signUp();
        String path = "developer/v1/account/password";
        assertEquals(200, client.send("GET", "developer/v1/applications", developer.basic(), null).status());

        Answer wrong = client.send("PUT", path, developer.basic(),
                "{\"currentPassword\":\"not it at all\",\"newPassword\":\"a new password here\"}");
        Answer tooShort = client.send("PUT", path, developer.basic(),
                "{\"currentPassword\":\"" + developer.password() + "\",\"newPassword\":\"short\"}");
        Answer changed = client.send("PUT", path, developer.basic(),
                "{\"currentPassword\":\"" + developer.password() + "\",\"newPassword\":\"a new password here\"}");

        assertEquals(400, wrong.status(), wrong.body());
        assertEquals("urn:gatehouse:problem:wrong_current_password", wrong.json().getString("type"));
        assertEquals(400, tooShort.status(), tooShort.body());
        assertEquals(204, changed.status(), changed.body());
        assertEquals(401, client.send("GET", "developer/v1/applications", developer.basic(), null).status());
        assertEquals(200, client.send("GET", "developer/v1/applications",
                RuntimeClient.basic(developer.username(), "a new password here"), null).status());
    }
}
