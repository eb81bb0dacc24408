package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.testing.BuiltArchive;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway on a real Payara Micro with MicroProfile JWT: the token checks, then revocation, application,
 * subscription, lifecycle, scope and rate limit, each refusal with its reason code; changes made elsewhere are
 * enforced within a second.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayIT {

    /** The promise: a change is enforced everywhere within a second. */
    private static final Duration ENFORCED_WITHIN = Duration.ofSeconds(1);

    @ArquillianResource
    private URL base;

    private RuntimeClient client;
    private GatewayFixture fixture;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BuiltArchive.atRoot().addClass(TokenForge.class);
    }

    @BeforeEach
    void client() throws Exception {
        client = new RuntimeClient(base.toURI());
        fixture = new GatewayFixture(client);
    }

    private static String path(JsonObject api, String operation) {
        return "api/" + api.getString("context") + "/" + api.getString("version") + operation;
    }

    private static void assertRefused(Answer answer, int status, String reason) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").split(";")[0]);
        assertEquals(reason, answer.json().getString("reason"), answer.body());
        assertEquals("urn:gatehouse:problem:" + reason, answer.json().getString("type"));
        assertFalse(answer.json().getString("detail").isBlank());
    }

    private static void assertInvalidToken(Answer answer, String reason) {
        assertRefused(answer, 401, reason);
        String challenge = answer.header("WWW-Authenticate");
        assertNotNull(challenge, answer.body());
        assertTrue(challenge.startsWith("Bearer realm=\"gatehouse\", error=\"invalid_token\", error_description=\""),
                challenge);
    }

    /** Calls until the answer has the status, for at most the time a change may take to be enforced. */
    private Answer eventually(int status, Callable<Answer> call) throws Exception {
        Instant deadline = Instant.now().plus(ENFORCED_WITHIN);
        Answer answer = call.call();
        while (answer.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            answer = call.call();
        }
        return answer;
    }

    @Test
    void aSubscribedApplicationsTokenGetsTheMockAnswerWithRateLimitHeaders() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);

        Answer items = fixture.call("GET", path(api, "/items"), token);
        Answer item = fixture.call("GET", path(api, "/items/42"), token);

        assertEquals(200, items.status(), items.body());
        assertEquals("application/json", items.header("Content-Type").split(";")[0]);
        assertEquals("first", items.array().getJsonObject(0).getString("name"));
        assertEquals("1000", items.header("RateLimit-Limit"));
        assertEquals("999", items.header("RateLimit-Remaining"));
        assertTrue(Integer.parseInt(items.header("RateLimit-Reset")) <= 60);
        assertEquals(200, item.status(), item.body());
        assertEquals(1, item.json().getInt("id"));
        assertEquals(201, fixture.call("POST", path(api, "/items"), token).status());
        double refusedBefore = metric(metrics(), "gateway_refusals_total", "reason=\"operation_not_found\"");
        assertEquals(404, fixture.call("GET", path(api, "/nothing/here"), token).status());

        // the names and labels the README promises, with this API's own counts (it is new to this test)
        String apiLabel = "api=\"" + api.getString("context") + "/1.0.0\"";
        String metrics = metrics();
        assertEquals(2, metric(metrics, "gateway_requests_total", apiLabel, "status=\"200\""), metrics);
        assertEquals(1, metric(metrics, "gateway_requests_total", apiLabel, "status=\"201\""), metrics);
        assertEquals(1, metric(metrics, "gateway_requests_total", apiLabel, "status=\"404\""), metrics);
        assertEquals(3, metric(metrics, "gateway_latency_seconds_count", apiLabel), "served calls are timed: " + metrics);
        assertEquals(refusedBefore + 1, metric(metrics, "gateway_refusals_total", "reason=\"operation_not_found\""),
                metrics);
    }

    /** MicroProfile Metrics 5 speaks the Prometheus text format only. */
    private String metrics() throws Exception {
        var metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                base.toURI().resolve("/metrics?scope=application")).header("Accept", "text/plain").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        return metrics.body();
    }

    /** The value of the one sample of that name whose labels include all of these; 0 if there is none. */
    private static double metric(String metrics, String name, String... labels) {
        List<Double> values = metrics.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertTrue(values.size() <= 1, name + " " + List.of(labels) + ": " + values);
        return values.isEmpty() ? 0 : values.get(0);
    }

    @Test
    void theSampleApiAnswersTheSeedsLastStep() throws Exception {
        Answer page = client.send("GET", "developer/v1/apis?search=pizzashack", null, null);
        JsonObject pizza = page.json().getJsonArray("items").getJsonObject(0);
        GatewayFixture.App app = fixture.subscribed(pizza.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");

        Answer menu = fixture.call("GET", "api/pizzashack/1.0.0/menu", fixture.token(app, "orders:write"));

        assertEquals(200, menu.status(), menu.body());
        assertTrue(menu.body().contains("Margherita"), menu.body());
    }

    @Test
    void withoutATokenTheChallengeNamesOnlyTheRealm() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));

        Answer answer = fixture.call("GET", path(api, "/items"), null);
        Answer basic = client.send("GET", path(api, "/items"), RuntimeClient.basic("someone", "secret"), null);

        assertRefused(answer, 401, "token_missing");
        assertEquals("Bearer realm=\"gatehouse\"", answer.header("WWW-Authenticate"));
        assertRefused(basic, 401, "token_missing");
    }

    @Test
    void withoutAValidTokenAnUnknownApiAnswersAsAPublishedOne() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));

        for (String token : new String[] {null, "not-a-token"}) {
            Answer published = fixture.call("GET", path(api, "/items"), token);
            Answer unknown = fixture.call("GET", "api/no-such-api/1.0.0/items", token);

            assertEquals(401, unknown.status(), unknown.body());
            assertEquals(published.header("WWW-Authenticate"), unknown.header("WWW-Authenticate"));
            assertEquals(published.body(), unknown.body());
        }
    }

    @Test
    void unknownApisAndOperationsAreNotFoundAndAWrongMethodIsNotAllowed() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        String token = fixture.token(fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION"), null);

        assertRefused(fixture.call("GET", "api/no-such-api/1.0.0/items", token), 404, "api_not_found");
        assertRefused(fixture.call("GET", path(api, "/nothing/here"), token), 404, "operation_not_found");
        Answer delete = fixture.call("DELETE", path(api, "/items"), token);
        assertRefused(delete, 405, "method_not_allowed");
        assertEquals("GET, POST", delete.header("Allow"));
    }

    /** Claims of a valid token for the application, to be spoilt one at a time. */
    private JsonObject claims(GatewayFixture.App app) throws Exception {
        String token = fixture.token(app, null);
        String payload = new String(Base64URL.from(token.split("\\.")[1]).decode(), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(payload)).readObject();
    }

    private String forge(JsonObject claims, String query) throws Exception {
        Answer forged = client.send("POST", "_test/forge" + query, null, claims.toString());
        assertEquals(200, forged.status(), forged.body());
        return forged.body();
    }

    private static JsonObject with(JsonObject claims, String name, Object value) {
        var copy = Json.createObjectBuilder(claims);
        if (value == null) {
            copy.remove(name);
        } else if (value instanceof Long number) {
            copy.add(name, number);
        } else {
            copy.add(name, value.toString());
        }
        return copy.build();
    }

    @Test
    void everyKindOfBadTokenIsRefusedWithItsReason() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String valid = fixture.token(app, null);
        JsonObject claims = claims(app);
        long now = Instant.now().getEpochSecond();
        String kid = SignedJWT.parse(valid).getHeader().getKeyID();
        RSAKey published = JWKSet.parse(client.send("GET", "oauth2/jwks", null, null).body()).getKeyByKeyId(kid)
                .toRSAKey();
        String items = path(api, "/items");

        // a valid token, to show that the refusals below are the spoilt parts' doing
        assertEquals(200, fixture.call("GET", items, valid).status());

        String[] parts = valid.split("\\.");
        JsonObject changed = with(claims, "client_id", "someone-else");
        String tampered = parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];
        assertInvalidToken(fixture.call("GET", items, tampered), "token_signature_invalid");

        assertInvalidToken(fixture.call("GET", items, "not-a-token"), "token_malformed");

        String none = new PlainJWT(JWTClaimsSet.parse(claims.toString())).serialize();
        assertInvalidToken(fixture.call("GET", items, none), "token_malformed");

        // the classic key confusion: HMAC keyed with the public key that verifies RS256
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(), JWTClaimsSet.parse(claims.toString()));
        hmac.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
        assertInvalidToken(fixture.call("GET", items, hmac.serialize()), "token_algorithm_refused");

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-a-gatehouse-key").generate();
        SignedJWT unknown = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), JWTClaimsSet.parse(claims.toString()));
        unknown.sign(new RSASSASigner(stranger));
        assertInvalidToken(fixture.call("GET", items, unknown.serialize()), "token_key_unknown");

        JsonObject expired = with(with(with(claims, "exp", now - 120), "iat", now - 300L), "nbf", now - 300L);
        assertInvalidToken(fixture.call("GET", items, forge(expired, "")), "token_expired");
        assertInvalidToken(fixture.call("GET", items, forge(with(claims, "iss", "https://elsewhere.example"), "")),
                "token_issuer_invalid");
        assertInvalidToken(fixture.call("GET", items, forge(with(claims, "aud", "another-api"), "")),
                "token_audience_invalid");
        assertInvalidToken(fixture.call("GET", items, forge(with(claims, "application_id", null), "")),
                "token_claims_missing");
        assertInvalidToken(fixture.call("GET", items, forge(claims, "?typ=JWT")), "token_type_invalid");
        // offered keys are refused by their presence: nothing is fetched from these addresses
        for (String offered : List.of("?jku=https://127.0.0.1:9/jwks", "?x5u=https://127.0.0.1:9/cert.pem", "?jwk=true",
                "?x5c=true")) {
            assertInvalidToken(fixture.call("GET", items, forge(claims, offered)), "token_header_refused");
        }
        JsonObject early = with(with(with(claims, "iat", now + 300L), "nbf", now + 300L), "exp", now + 900L);
        assertInvalidToken(fixture.call("GET", items, forge(early, "")), "token_not_yet_valid");
        assertInvalidToken(fixture.call("GET", items, forge(claims, "?crit=exotic")), "token_header_refused");
    }

    @Test
    void aRevokedTokenIsRefusedWithinASecond() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);
        assertEquals(200, fixture.call("GET", path(api, "/items"), token).status());

        assertEquals(200, client.form("oauth2/revoke", app.clientBasic(), Map.of("token", token)).status());

        assertInvalidToken(eventually(401, () -> fixture.call("GET", path(api, "/items"), token)), "token_revoked");
        assertEquals(200, fixture.call("GET", path(api, "/items"), fixture.token(app, null)).status());
    }

    @Test
    void aBlockedSubscriptionIsRefusedAndServedAgainOnceUnblocked() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);
        String items = path(api, "/items");
        assertEquals(200, fixture.call("GET", items, token).status());

        client.send("POST", "management/v1/subscriptions/" + app.subscriptionId() + "/block", GatewayFixture.ADMIN, null);
        assertRefused(eventually(403, () -> fixture.call("GET", items, token)), 403, "subscription_blocked");

        client.send("POST", "management/v1/subscriptions/" + app.subscriptionId() + "/unblock", GatewayFixture.ADMIN, null);
        assertEquals(200, eventually(200, () -> fixture.call("GET", items, token)).status());
    }

    @Test
    void aProductionOnlyBlockLeavesTheSandboxServed() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        JsonObject sandboxKeys = client.send("POST", "developer/v1/applications/" + app.id() + "/keys/SANDBOX",
                app.owner().basic(), null).json();
        String sandbox = fixture.token(new GatewayFixture.App(app.owner(), app.id(), app.subscriptionId(),
                sandboxKeys.getJsonObject("keys").getString("clientId"),
                sandboxKeys.getJsonObject("secret").getString("value"), "SANDBOX"), null);
        String production = fixture.token(app, null);
        String items = path(api, "/items");

        client.send("POST", "management/v1/subscriptions/" + app.subscriptionId() + "/block?productionOnly=true",
                GatewayFixture.ADMIN, null);

        assertRefused(eventually(403, () -> fixture.call("GET", items, production)), 403, "subscription_blocked");
        assertEquals(200, fixture.call("GET", items, sandbox).status());
    }

    @Test
    void anUnsubscribedApplicationIsRefused() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);
        assertEquals(200, fixture.call("GET", path(api, "/items"), token).status());

        Answer removed = client.send("DELETE", "developer/v1/applications/" + app.id() + "/subscriptions/"
                + app.subscriptionId(), app.owner().basic(), null);

        assertEquals(204, removed.status(), removed.body());
        assertRefused(eventually(403, () -> fixture.call("GET", path(api, "/items"), token)), 403, "not_subscribed");
    }

    @Test
    void aBlockedSubscriptionStaysBlockedWhenItsDeveloperUnsubscribesAndSubscribesAgain() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);
        String items = path(api, "/items");
        Answer blocked = client.send("POST", "management/v1/subscriptions/" + app.subscriptionId() + "/block",
                GatewayFixture.ADMIN, null);
        assertEquals(200, blocked.status(), blocked.body());
        assertRefused(eventually(403, () -> fixture.call("GET", items, token)), 403, "subscription_blocked");

        Answer removed = client.send("DELETE", "developer/v1/applications/" + app.id() + "/subscriptions/"
                + app.subscriptionId(), app.owner().basic(), null);
        Answer again = client.send("POST", "developer/v1/applications/" + app.id() + "/subscriptions",
                app.owner().basic(), "{\"apiId\":\"" + api.getString("id") + "\",\"planId\":\"" + GatewayFixture.BRONZE + "\"}");

        assertEquals(409, removed.status(), removed.body());
        assertEquals("urn:gatehouse:problem:subscription_blocked", removed.json().getString("type"));
        assertTrue(removed.json().getString("detail").contains("publisher"), removed.body());
        assertEquals(409, again.status(), again.body());
        Thread.sleep(ENFORCED_WITHIN.toMillis()); // a change, had there been one, would be enforced by now
        assertRefused(fixture.call("GET", items, token), 403, "subscription_blocked");
    }

    @Test
    void aDailyQuotaOutlivesUnsubscribingAndSubscribingAgain() throws Exception {
        String threePerDay = fixture.plan(3L, "DAY", false);
        JsonObject api = fixture.publish(null, null, List.of(threePerDay));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), threePerDay, "PRODUCTION");
        String token = fixture.token(app, null);
        String items = path(api, "/items");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, fixture.call("GET", items, token).status());
        }
        assertRefused(fixture.call("GET", items, token), 429, "rate_limited");

        Answer removed = client.send("DELETE", "developer/v1/applications/" + app.id() + "/subscriptions/"
                + app.subscriptionId(), app.owner().basic(), null);
        assertEquals(204, removed.status(), removed.body());
        assertRefused(eventually(403, () -> fixture.call("GET", items, token)), 403, "not_subscribed");
        Answer again = client.send("POST", "developer/v1/applications/" + app.id() + "/subscriptions",
                app.owner().basic(), "{\"apiId\":\"" + api.getString("id") + "\",\"planId\":\"" + threePerDay + "\"}");
        assertEquals(201, again.status(), again.body());

        // the first answer once the gateway knows the new subscription: the day's quota is still used up
        Instant deadline = Instant.now().plus(ENFORCED_WITHIN);
        Answer after = fixture.call("GET", items, token);
        while (after.status() == 403 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            after = fixture.call("GET", items, token);
        }
        assertRefused(after, 429, "rate_limited");
        assertEquals("0", after.header("RateLimit-Remaining"));
    }

    @Test
    void aSubscriptionOnHoldIsRefusedUntilApproved() throws Exception {
        String approval = fixture.plan(100L, "MINUTE", true);
        JsonObject api = fixture.publish(null, null, List.of(approval));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), approval, "PRODUCTION");
        String token = fixture.token(app, null);

        assertRefused(fixture.call("GET", path(api, "/items"), token), 403, "subscription_on_hold");

        client.send("POST", "management/v1/subscriptions/" + app.subscriptionId() + "/approve", GatewayFixture.ADMIN, null);
        assertEquals(200, eventually(200, () -> fixture.call("GET", path(api, "/items"), token)).status());
    }

    @Test
    void aBlockedApplicationIsRefused() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);

        Answer blocked = client.send("POST", "management/v1/applications/" + app.id() + "/block", GatewayFixture.ADMIN, null);

        assertEquals(200, blocked.status(), blocked.body());
        assertRefused(eventually(403, () -> fixture.call("GET", path(api, "/items"), token)), 403, "application_blocked");
        client.send("POST", "management/v1/applications/" + app.id() + "/unblock", GatewayFixture.ADMIN, null);
        assertEquals(200, eventually(200, () -> fixture.call("GET", path(api, "/items"), token)).status());
    }

    @Test
    void aDeletedApplicationsTokenIsRefusedAsDeleted() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);
        assertEquals(200, fixture.call("GET", path(api, "/items"), token).status());

        Answer deleted = client.send("DELETE", "developer/v1/applications/" + app.id(), app.owner().basic(), null);

        assertEquals(204, deleted.status(), deleted.body());
        assertInvalidToken(eventually(401, () -> fixture.call("GET", path(api, "/items"), token)),
                "application_deleted");
    }

    @Test
    void aBlockedApiIsRefusedUntilPublishedAgain() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);

        fixture.lifecycle(api.getString("id"), "BLOCKED");

        assertRefused(eventually(403, () -> fixture.call("GET", path(api, "/items"), token)), 403, "api_blocked");
        fixture.lifecycle(api.getString("id"), "PUBLISHED");
        assertEquals(200, eventually(200, () -> fixture.call("GET", path(api, "/items"), token)).status());
    }

    @Test
    void aRejectedSubscriptionIsRefused() throws Exception {
        String approval = fixture.plan(100L, "MINUTE", true);
        JsonObject api = fixture.publish(null, null, List.of(approval));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), approval, "PRODUCTION");
        String token = fixture.token(app, null);

        Answer rejected = client.send("POST", "management/v1/subscriptions/" + app.subscriptionId() + "/reject",
                GatewayFixture.ADMIN, null);

        assertEquals(200, rejected.status(), rejected.body());
        assertRefused(eventually(403, () -> fixture.call("GET", path(api, "/items"), token)), 403,
                "subscription_rejected");
    }

    @Test
    void anEnvironmentWithoutAnEndpointIsRefused() throws Exception {
        // a production backend only; the sandbox token is refused before any backend is called
        JsonObject api = fixture.publish("http://127.0.0.1:9/items-backend", null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "SANDBOX");

        Answer answer = fixture.call("GET", path(api, "/items"), fixture.token(app, null));

        assertRefused(answer, 403, "environment_unavailable");
        assertTrue(answer.json().getString("detail").contains("sandbox"), answer.body());
        Answer neither = client.send("POST", "management/v1/apis", GatewayFixture.ADMIN, Json.createObjectBuilder()
                .add("document", GatewayFixture.ITEMS_API).add("context", "no-backend-" + UUID.randomUUID()
                        .toString().substring(0, 8)).add("endpointType", "HTTP").build().toString());
        assertEquals(400, neither.status(), "an HTTP endpoint names one backend at least: " + neither.body());
    }

    @Test
    void aRetiredApiIsRefused() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String token = fixture.token(app, null);

        fixture.lifecycle(api.getString("id"), "DEPRECATED");
        assertEquals(200, eventually(200, () -> fixture.call("GET", path(api, "/items"), token)).status());
        fixture.lifecycle(api.getString("id"), "RETIRED");

        assertRefused(eventually(403, () -> fixture.call("GET", path(api, "/items"), token)), 403, "api_retired");
    }

    @Test
    void anOperationNeedsItsScope() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        JsonObject pizza = client.send("GET", "developer/v1/apis?search=pizzashack", null, null).json()
                .getJsonArray("items").getJsonObject(0);
        client.send("POST", "developer/v1/applications/" + app.id() + "/subscriptions", app.owner().basic(),
                "{\"apiId\":\"" + pizza.getString("id") + "\",\"planId\":\"" + GatewayFixture.BRONZE + "\"}");

        Answer refused = fixture.call("POST", path(api, "/items"), fixture.token(app, "orders:write"));

        assertRefused(refused, 403, "insufficient_scope");
        assertTrue(refused.header("WWW-Authenticate").contains("error=\"insufficient_scope\""));
        assertTrue(refused.header("WWW-Authenticate").contains("scope=\"items:write\""));
        assertEquals(201, fixture.call("POST", path(api, "/items"), fixture.token(app, "items:write")).status());
    }

    @Test
    void aPlansLimitHoldsUnderConcurrencyAndSparesOtherSubscriptions() throws Exception {
        String tenPerDay = fixture.plan(10L, "DAY", false);
        JsonObject api = fixture.publish(null, null, List.of(tenPerDay));
        String busy = fixture.token(fixture.subscribed(api.getString("id"), tenPerDay, "PRODUCTION"), null);
        String quiet = fixture.token(fixture.subscribed(api.getString("id"), tenPerDay, "PRODUCTION"), null);
        String items = path(api, "/items");

        List<Answer> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                calls.add(callers.submit(() -> fixture.call("GET", items, busy)));
            }
            for (Future<Answer> call : calls) {
                answers.add(call.get());
            }
        } finally {
            callers.shutdown();
        }

        assertEquals(10, answers.stream().filter(answer -> answer.status() == 200).count());
        Answer limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
        assertEquals(15, answers.stream().filter(answer -> answer.status() == 429).count());
        assertRefused(limited, 429, "rate_limited");
        assertNotNull(limited.header("Retry-After"));
        assertEquals("10", limited.header("RateLimit-Limit"));
        assertEquals("0", limited.header("RateLimit-Remaining"));
        assertEquals(limited.header("Retry-After"), limited.header("RateLimit-Reset"));
        Answer other = fixture.call("GET", items, quiet);
        assertEquals(200, other.status());
        assertEquals("9", other.header("RateLimit-Remaining"));
    }

    @Test
    void aBadBearerTokenOnTheGatewayGetsTheInvalidTokenChallenge() throws Exception {
        assertInvalidToken(client.send("GET", "api/pizzashack/1.0.0/menu", "Bearer " + UUID.randomUUID(), null),
                "token_malformed");
    }

    /**
     * The developer API takes HTTP Basic only: a bearer token there is answered with the scheme it takes, not
     * verified (the container's MicroProfile JWT, used until the gateway verified tokens itself, verified any bearer
     * token on any endpoint and answered invalid_token).
     */
    @Test
    void aBearerTokenOnTheDeveloperApiIsAskedForHttpBasic() throws Exception {
        Answer refused = client.send("GET", "developer/v1/applications", "Bearer " + UUID.randomUUID(), null);

        assertRefused(refused, 401, "unauthorized");
        assertTrue(refused.header("WWW-Authenticate").startsWith("Basic realm="), refused.header("WWW-Authenticate"));
    }

    /** A request whose path is sent exactly as written: no resolving, so no dot segment is removed on the way. */
    private Answer callRaw(String rawPath, String authorization) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + base.getPort()
                + rawPath)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    @Test
    void encodedSlashesAndDotSegmentsInTheGatewayPathAreRefused() throws Exception {
        JsonObject pizza = client.send("GET", "developer/v1/apis?search=pizzashack", null, null).json()
                .getJsonArray("items").getJsonObject(0);
        GatewayFixture.App app = fixture.subscribed(pizza.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String bearer = "Bearer " + fixture.token(app, "orders:write");
        String order = "/api/pizzashack/1.0.0/order/";
        assertEquals(200, callRaw(order + "42", bearer).status());

        for (String tail : List.of("..%2Fmenu", "..%2fmenu", "%2e%2e", "%2E%2E%2Fmenu", ".%2e", "%2e", "a%0d%0aX",
                "42/../../menu", "./42", "..", "42//x")) {
            Answer refused = callRaw(order + tail, bearer);
            assertEquals(400, refused.status(), tail + ": " + refused.body());
            assertRefused(refused, 400, "path_invalid");
        }
        assertRefused(callRaw("/api/pizzashack/1.0.0//menu", bearer), 400, "path_invalid");
        // an encoded backslash or NUL Payara refuses itself, with a bare 400, before any application sees it
        for (String tail : List.of("a%5Cb", "a%5c..%5cmenu", "a%00")) {
            assertEquals(400, callRaw(order + tail, bearer).status(), tail);
        }
        // percent-encoded ordinary characters stay allowed
        assertEquals(200, callRaw(order + "4%32", bearer).status());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        String token = fixture.token(fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION"), null);

        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            Answer answer = client.send("GET", path(api, "/items"), scheme + " " + token, null);
            assertEquals(200, answer.status(), scheme + ": " + answer.body());
        }
        assertInvalidToken(client.send("GET", path(api, "/items"), "bearer not-a-token", null), "token_malformed");
    }

    @Test
    void callerTextNeverBreaksOutOfTheChallenge() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        String header = Base64URL.encode("{\"alg\":\"RS256\\\"\\r\\nX-Injected: yes\\u00e9\",\"typ\":\"at+jwt\",\"kid\":\"k\"}")
                .toString();
        String token = header + "." + Base64URL.encode("{\"sub\":\"x\"}") + ".c2ln";

        Answer refused = fixture.call("GET", path(api, "/items"), token);

        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.response().headers().firstValue("X-Injected").isEmpty());
        String challenge = refused.header("WWW-Authenticate");
        assertTrue(challenge.matches("Bearer realm=\"gatehouse\", error=\"invalid_token\", error_description=\"[^\"\\\\]*\""),
                challenge);
        assertTrue(challenge.chars().allMatch(c -> c >= 0x20 && c < 0x7f), challenge);
    }

    @Test
    void anApplicationNotSubscribedLearnsNothingOfAnUnpublishedApi() throws Exception {
        JsonObject published = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        String token = fixture.token(fixture.subscribed(published.getString("id"), GatewayFixture.BRONZE,
                "PRODUCTION"), null);
        Answer created = client.send("POST", "management/v1/apis", GatewayFixture.ADMIN, Json.createObjectBuilder()
                .add("document", GatewayFixture.ITEMS_API.replace("title: Items", "title: Secret Items"))
                .add("context", "secret-" + UUID.randomUUID().toString().substring(0, 8)).add("endpointType", "MOCK")
                .add("planIds", Json.createArrayBuilder().add(GatewayFixture.BRONZE)).build().toString());
        assertEquals(201, created.status(), created.body());
        JsonObject secret = created.json();
        Answer unknown = fixture.call("GET", "api/" + secret.getString("context") + "x/1.0.0/items", token);

        Answer answer = eventually(404, () -> fixture.call("GET", path(secret, "/items"), token));

        assertRefused(answer, 404, "api_not_found");
        assertFalse(answer.body().contains("Secret"), answer.body());
        assertEquals(unknown.json().getString("detail").replace(secret.getString("context") + "x",
                secret.getString("context")), answer.json().getString("detail"));
        // without a valid token the gateway asks for one before it looks at the API at all
        assertRefused(fixture.call("GET", path(secret, "/items"), null), 401, "token_missing");
        assertRefused(fixture.call("GET", path(secret, "/items"), "not-a-token"), 401, "token_malformed");
        // once published, the same application is told it is not subscribed
        fixture.lifecycle(secret.getString("id"), "PUBLISHED");
        assertRefused(eventually(403, () -> fixture.call("GET", path(secret, "/items"), token)), 403,
                "not_subscribed");
        // retired, it is unknown again to those not subscribed
        fixture.lifecycle(secret.getString("id"), "DEPRECATED");
        fixture.lifecycle(secret.getString("id"), "RETIRED");
        assertRefused(eventually(404, () -> fixture.call("GET", path(secret, "/items"), token)), 404,
                "api_not_found");
    }
}
