package dev.gatehouse.runtime.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.runtime.gateway.GatewayFixture;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage as the people who can act on it see it: after a known number of calls (served, refused for scope, refused
 * by the plan's limit) the application's report has exactly those counts, by reason and operation, with the
 * latest refusals and what to do about them, and never the token; nobody else sees it.
 */
class UsageIT extends RuntimeAtRoot {

    /** The gateway writes every second in the tests (gatehouse.usage.flush-interval); a report shows it soon after. */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(10);

    private GatewayFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new GatewayFixture(client);
    }

    @Test
    void anApplicationsUsageCountsEachAnswerByReasonAndOperation() throws Exception {
        String fivePerMinute = fixture.plan(5L, "MINUTE", false);
        JsonObject api = fixture.publish(null, null, List.of(fivePerMinute));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), fivePerMinute, "PRODUCTION");
        String items = "api/" + api.getString("context") + "/" + api.getString("version") + "/items";
        // a token without items:write: the application also takes the sample PizzaShack and asks for its scope only
        JsonObject pizza = client.send("GET", "developer/v1/apis?search=pizzashack", null, null).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(201, client.send("POST", "developer/v1/applications/" + app.id() + "/subscriptions",
                app.owner().basic(), "{\"apiId\":\"" + pizza.getString("id") + "\",\"planId\":\""
                        + GatewayFixture.BRONZE + "\"}").status());
        String readOnly = fixture.token(app, "orders:write");
        Map<Integer, Integer> statuses = new HashMap<>();

        for (int i = 0; i < 3; i++) {
            statuses.merge(fixture.call("GET", items, readOnly).status(), 1, Integer::sum);
        }
        for (int i = 0; i < 2; i++) {
            statuses.merge(fixture.call("POST", items, readOnly).status(), 1, Integer::sum);
        }
        for (int i = 0; i < 4; i++) {
            statuses.merge(fixture.call("GET", items, readOnly).status(), 1, Integer::sum);
        }
        assertEquals(Map.of(200, 5, 403, 2, 429, 2), statuses);

        JsonObject usage = usageOnce(app, 9);
        assertEquals(9, usage.getJsonNumber("calls").longValue(), usage.toString());
        assertEquals(4, usage.getJsonNumber("refused").longValue());
        assertEquals(4, usage.getJsonNumber("errors").longValue());
        assertEquals(2, usage.getJsonObject("refusals").getJsonNumber("insufficient_scope").longValue());
        assertEquals(2, usage.getJsonObject("refusals").getJsonNumber("rate_limited").longValue());
        assertEquals(2, usage.getJsonObject("refusals").size());
        Map<String, JsonObject> operations = new HashMap<>();
        usage.getJsonArray("operations").getValuesAs(JsonObject.class)
                .forEach(operation -> operations.put(operation.getString("operation"), operation));
        assertEquals(Map.of("GET /items", 7L, "POST /items", 2L), Map.of(
                "GET /items", operations.get("GET /items").getJsonNumber("calls").longValue(),
                "POST /items", operations.get("POST /items").getJsonNumber("calls").longValue()), usage.toString());
        assertEquals(2, operations.get("GET /items").getJsonObject("refusals").getJsonNumber("rate_limited")
                .longValue());
        assertEquals("PRODUCTION", operations.get("GET /items").getString("environment"));
        assertNotNull(operations.get("GET /items").getJsonNumber("p50Millis"));
        assertNotNull(operations.get("GET /items").getJsonNumber("p99Millis"));
        long inSeries = usage.getJsonArray("series").getValuesAs(JsonObject.class).stream()
                .mapToLong(slot -> slot.getJsonNumber("calls").longValue()).sum();
        assertEquals(9, inSeries);

        List<JsonObject> recent = usage.getJsonArray("recentRefusals").getValuesAs(JsonObject.class);
        assertEquals(4, recent.size(), usage.toString());
        JsonObject scope = recent.stream().filter(r -> r.getString("reason").equals("insufficient_scope"))
                .findFirst().orElseThrow();
        assertEquals(403, scope.getInt("status"));
        assertEquals("POST", scope.getString("method"));
        assertTrue(scope.getString("description").contains("items:write"), scope.toString());
        assertTrue(scope.getString("advice").contains("scope"), scope.toString());
        JsonObject limited = recent.stream().filter(r -> r.getString("reason").equals("rate_limited"))
                .findFirst().orElseThrow();
        assertTrue(limited.getString("description").contains("5 requests/minute"), limited.toString());
        assertFalse(usage.toString().contains(readOnly), "the report never shows a token");

        Answer stranger = client.send("GET", "developer/v1/applications/" + app.id() + "/usage",
                client.signUp().basic(), null);
        assertEquals(404, stranger.status(), stranger.body());

        Answer publisher = client.send("GET", "management/v1/apis/" + api.getString("id") + "/usage",
                GatewayFixture.ADMIN, null);
        assertEquals(200, publisher.status(), publisher.body());
        assertEquals(9, publisher.json().getJsonNumber("calls").longValue());
        assertTrue(publisher.json().getJsonArray("operations").getValuesAs(JsonObject.class).stream()
                .allMatch(operation -> operation.getString("applicationId").equals(app.id())));
    }

    @Test
    void otherPeoplesUsageAndBadPeriodsAreRefused() throws Exception {
        RuntimeClient.Developer developer = client.signUp();
        String mine = client.send("POST", "developer/v1/applications", developer.basic(), "{\"name\":\"usage\"}")
                .json().getString("id");

        Answer lastHour = client.send("GET", "developer/v1/applications/" + mine + "/usage", developer.basic(), null);
        assertEquals(200, lastHour.status(), lastHour.body());
        assertEquals(0, lastHour.json().getJsonNumber("calls").longValue());
        assertEquals("MINUTE", lastHour.json().getString("granularity"));
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Answer empty = client.send("GET", "developer/v1/applications/" + mine + "/usage?from="
                + hour.minus(Duration.ofHours(1)) + "&to=" + hour, developer.basic(), null);
        assertEquals(60, empty.json().getJsonArray("series").size(), "an hour in minutes, zeros included");

        Answer week = client.send("GET", "developer/v1/applications/" + mine + "/usage?from="
                + Instant.now().minus(Duration.ofDays(7)), developer.basic(), null);
        assertEquals(200, week.status(), week.body());
        assertEquals("HOUR", week.json().getString("granularity"));

        assertProblem(client.send("GET", "developer/v1/applications/" + mine + "/usage?granularity=second",
                developer.basic(), null), 400);
        assertProblem(client.send("GET", "developer/v1/applications/" + mine + "/usage?from=yesterday",
                developer.basic(), null), 400);
        assertProblem(client.send("GET", "developer/v1/applications/" + mine + "/usage?granularity=minute&from="
                + Instant.now().minus(Duration.ofDays(3)), developer.basic(), null), 400);
        assertProblem(client.send("GET", "management/v1/usage", developer.basic(), null), 403);
        assertProblem(client.send("GET", "management/v1/apis/" + java.util.UUID.randomUUID() + "/usage",
                GatewayFixture.ADMIN, null), 404);
        assertEquals(200, client.send("GET", "management/v1/usage", GatewayFixture.ADMIN, null).status());
        assertEquals(401, client.send("GET", "developer/v1/applications/" + mine + "/usage", null, null).status());
    }

    private static void assertProblem(Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").split(";")[0], answer.body());
    }

    /** The report once it shows the calls; the counts must then be exact, not merely at least. */
    private JsonObject usageOnce(GatewayFixture.App app, long calls) throws Exception {
        Instant deadline = Instant.now().plus(SHOWN_WITHIN);
        while (true) {
            Answer answer = client.send("GET", "developer/v1/applications/" + app.id() + "/usage",
                    app.owner().basic(), null);
            assertEquals(200, answer.status(), answer.body());
            if (answer.json().getJsonNumber("calls").longValue() >= calls || Instant.now().isAfter(deadline)) {
                Thread.sleep(1500); // one more write: nothing more may arrive
                return client.send("GET", "developer/v1/applications/" + app.id() + "/usage",
                        app.owner().basic(), null).json();
            }
            Thread.sleep(200);
        }
    }
}
