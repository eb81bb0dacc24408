package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes APIs and plans as an administrator, and gives developers subscribed applications with tokens. */
public final class GatewayFixture {

    public static final String ADMIN = RuntimeAtRoot.ADMIN;
    public static final String BRONZE = RuntimeAtRoot.BRONZE;

    /** A small API whose GET answers from its example and whose POST needs a scope. */
    static final String ITEMS_API = """
            openapi: 3.0.3
            info: {title: Items, version: 1.0.0}
            paths:
              /items:
                get:
                  responses:
                    '200':
                      description: the items
                      content:
                        application/json:
                          example: [{id: 1, name: first}]
                post:
                  security: [{oauth2: [items:write]}]
                  responses:
                    '201': {description: created}
              /items/{id}:
                get:
                  responses:
                    '200':
                      description: one item
                      content:
                        application/json:
                          example: {id: 1, name: first}
              /echo/{rest}:
                get: {responses: {'200': {description: backend answer}}}
                post: {responses: {'200': {description: backend answer}}}
              /download:
                get: {responses: {'200': {description: a large body}}}
              /slow:
                get: {responses: {'200': {description: a slow answer}}}
            components:
              securitySchemes:
                oauth2:
                  type: oauth2
                  flows:
                    clientCredentials:
                      tokenUrl: /oauth2/token
                      scopes: {items:write: change items}
            """;

    final RuntimeClient client;

    public GatewayFixture(RuntimeClient client) {
        this.client = client;
    }

    /** An application of a new developer, subscribed to the API under the plan, with keys in the environment. */
    public record App(Developer owner, String id, String subscriptionId, String clientId, String secret, String environment) {
        String clientBasic() {
            return RuntimeClient.clientBasic(clientId, secret);
        }
    }

    public String plan(Long limit, String unit, boolean approval) throws Exception {
        var body = Json.createObjectBuilder().add("name", "plan-" + UUID.randomUUID().toString().substring(0, 8))
                .add("requiresApproval", approval);
        if (limit != null) {
            body.add("requestLimit", limit).add("timeUnit", unit);
        }
        Answer plan = client.send("POST", "management/v1/plans", ADMIN, body.build().toString());
        assertEquals(201, plan.status(), plan.body());
        return plan.json().getString("id");
    }

    /** A published API at a fresh context: a mock, or a backend (production and sandbox base URLs). */
    public JsonObject publish(String productionUrl, String sandboxUrl, List<String> planIds) throws Exception {
        return publish(productionUrl, sandboxUrl, planIds, false);
    }

    /** As above; forwardToken: the backend receives the caller's Authorization header. */
    public JsonObject publish(String productionUrl, String sandboxUrl, List<String> planIds, boolean forwardToken)
            throws Exception {
        JsonArrayBuilder plans = Json.createArrayBuilder();
        planIds.forEach(plans::add);
        var request = Json.createObjectBuilder().add("document", ITEMS_API)
                .add("context", "items-" + UUID.randomUUID().toString().substring(0, 8)).add("planIds", plans);
        if (productionUrl == null) {
            request.add("endpointType", "MOCK");
        } else {
            request.add("endpointType", "HTTP").add("productionUrl", productionUrl).add("forwardToken", forwardToken);
            if (sandboxUrl != null) {
                request.add("sandboxUrl", sandboxUrl);
            }
        }
        Answer api = client.send("POST", "management/v1/apis", ADMIN, request.build().toString());
        assertEquals(201, api.status(), api.body());
        lifecycle(api.json().getString("id"), "PUBLISHED");
        return api.json();
    }

    void lifecycle(String apiId, String lifecycle) throws Exception {
        Answer changed = client.send("POST", "management/v1/apis/" + apiId + "/lifecycle", ADMIN,
                "{\"lifecycle\":\"" + lifecycle + "\"}");
        assertEquals(200, changed.status(), changed.body());
    }

    public App subscribed(String apiId, String planId, String environment) throws Exception {
        Developer owner = client.signUp();
        String app = client.send("POST", "developer/v1/applications", owner.basic(), "{\"name\":\"gateway\"}")
                .json().getString("id");
        Answer subscription = client.send("POST", "developer/v1/applications/" + app + "/subscriptions",
                owner.basic(), "{\"apiId\":\"" + apiId + "\",\"planId\":\"" + planId + "\"}");
        assertEquals(201, subscription.status(), subscription.body());
        JsonObject keys = client.send("POST", "developer/v1/applications/" + app + "/keys/" + environment,
                owner.basic(), null).json();
        return new App(owner, app, subscription.json().getString("id"), keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value"), environment);
    }

    /** A client-credentials token; scope null asks for every scope the subscriptions allow. */
    public String token(App app, String scope) throws Exception {
        Answer token = client.form("oauth2/token", app.clientBasic(), scope == null
                ? Map.of("grant_type", "client_credentials")
                : Map.of("grant_type", "client_credentials", "scope", scope));
        assertEquals(200, token.status(), token.body());
        return token.json().getString("access_token");
    }

    public Answer call(String method, String path, String token) throws Exception {
        return client.send(method, path, token == null ? null : "Bearer " + token, null);
    }
}
