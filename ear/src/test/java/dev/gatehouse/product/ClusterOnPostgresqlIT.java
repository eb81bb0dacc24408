package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro nodes on loopback, each with its own HTTP port, sharing one PostgreSQL, started at the same
 * moment as the README's cluster commands start them: tokens, revocations, blocks and rate limits hold across the
 * nodes, and a node killed under load loses nothing while the other keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOnPostgresqlIT {

    private static final String ADMIN_PASSWORD = "cluster administrator password";
    private static final String UNLIMITED = "6b0c7a0e-0f3a-4c2e-9a51-000000000004";
    /** The gateway reads the change feed every 250 ms; the product promises enforcement within a second. */
    private static final Duration ENFORCED_WITHIN = Duration.ofSeconds(1);

    private final ProductHttp http = new ProductHttp();
    private EmbeddedPostgres postgres;
    private RunningProduct first;
    private RunningProduct second;
    private String developer;
    private String applicationId;
    private Path databaseDirectory;
    private int databasePort;
    private String clientId;
    private String secret;
    /** The API the hourly quota's burst went to: 10 served and 10 refused over both nodes. */
    private String burstApiId;

    @BeforeAll
    void startTwoNodes() throws Exception {
        postgres = database().start();
        int firstPort = RunningProduct.freePort();
        int secondPort = RunningProduct.freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> cluster = Map.of(
                "GATEHOUSE_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "GATEHOUSE_DB_USER", "postgres", "GATEHOUSE_DB_PASSWORD", "postgres",
                "GATEHOUSE_KEYS_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key),
                "GATEHOUSE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // the address clients use (a load balancer in production); here the first node
                "GATEHOUSE_OAUTH_ISSUER", "http://localhost:" + firstPort,
                // a rotated key signs this long after it is published (5 minutes by default): longer than
                // MicroProfile JWT keeps a key set (10 s), so the rotation test takes seconds, not minutes
                "GATEHOUSE_KEYS_PUBLICATION_DELAY", "PT20S");
        Path data = Path.of(System.getProperty("gatehouse.test.data"));
        first = RunningProduct.launch(data.resolve(UUID.randomUUID().toString()), firstPort, withOwnKeys(cluster, firstPort));
        second = RunningProduct.launch(data.resolve(UUID.randomUUID().toString()), secondPort, withOwnKeys(cluster, secondPort));
        first.awaitReady();
        second.awaitReady();

        developer = ProductHttp.basic("cluster-dev", "a cluster developer password");
        http.signUp(first.uri("/"), "cluster-dev", "Cluster", "a cluster developer password");
        applicationId = http.expect(201, "POST", node(first, "developer/v1/applications"), developer,
                "{\"name\":\"Cluster client\"}").getString("id");
        String pizzaShack = http.expect(200, "GET", node(second, "developer/v1/apis?search=pizzashack"), null, null)
                .getJsonArray("items").getJsonObject(0).getString("id");
        http.expect(201, "POST", node(second, "developer/v1/applications/" + applicationId + "/subscriptions"),
                developer, "{\"apiId\":\"" + pizzaShack + "\",\"planId\":\"" + UNLIMITED + "\"}");
        JsonObject keys = http.expect(201, "POST", node(second, "developer/v1/applications/" + applicationId
                + "/keys/PRODUCTION"), developer, null);
        clientId = keys.getJsonObject("keys").getString("clientId");
        secret = keys.getJsonObject("secret").getString("value");
    }

    /** One data directory and port for the whole class, so that a test can stop the database and start it again. */
    private EmbeddedPostgres.Builder database() throws java.io.IOException {
        if (databaseDirectory == null) {
            databaseDirectory = Path.of(System.getProperty("gatehouse.test.data")).resolve("postgres-" + UUID.randomUUID());
            databasePort = RunningProduct.freePort();
        }
        return EmbeddedPostgres.builder().setDataDirectory(databaseDirectory).setCleanDataDirectory(false)
                .setPort(databasePort);
    }

    /** Each node verifies tokens with the keys it serves itself, so no node depends on another being up. */
    private static Map<String, String> withOwnKeys(Map<String, String> cluster, int port) {
        Map<String, String> environment = new java.util.HashMap<>(cluster);
        environment.put("GATEHOUSE_GATEWAY_JWKS_URL", "http://localhost:" + port + "/oauth2/jwks");
        return environment;
    }

    @AfterAll
    void stop() throws Exception {
        for (RunningProduct node : new RunningProduct[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static URI node(RunningProduct node, String path) {
        return node.uri(path);
    }

    private ProductHttp.Answer menu(RunningProduct node, String token) throws Exception {
        return http.send("GET", node(node, "api/pizzashack/1.0.0/menu"), ProductHttp.bearer(token), null);
    }

    /** Polls until the node refuses; answers the refusal and how long it took. */
    private ProductHttp.Answer awaitRefusal(RunningProduct node, String token, Instant since) throws Exception {
        ProductHttp.Answer answer = menu(node, token);
        while (answer.status() == 200 && Duration.between(since, Instant.now()).compareTo(ENFORCED_WITHIN) < 0) {
            Thread.sleep(20);
            answer = menu(node, token);
        }
        System.out.printf("cluster: %s enforced on the other node after %d ms%n",
                answer.status() == 200 ? "nothing" : answer.status(), Duration.between(since, Instant.now()).toMillis());
        return answer;
    }

    @Test
    @Order(0)
    void aCodeIssuedByOneNodeIsRedeemedOnTheOther() throws Exception {
        try (var browser = new PortalBrowser(first, ""); var flow = new CodeFlowInBrowser(browser, first::uri)) {
            var tokens = flow.walk(second::uri);
            assertEquals(200, flow.menu(first::uri, tokens.getAccessToken().getValue()).statusCode());
        }
    }

    @Test
    @Order(1)
    void aTokenIssuedByOneNodeIsAcceptedByTheOther() throws Exception {
        String token = http.token(first.uri("/"), clientId, secret);

        ProductHttp.Answer answer = menu(second, token);

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("Margherita"), answer.body());
        assertEquals(200, menu(first, http.token(second.uri("/"), clientId, secret)).status());
    }

    @Test
    @Order(2)
    void aRevocationOnOneNodeIsEnforcedOnTheOtherWithinASecond() throws Exception {
        String token = http.token(first.uri("/"), clientId, secret);
        assertEquals(200, menu(second, token).status(), "the second node has the token cached as valid");

        assertEquals(200, http.form(first.uri("oauth2/revoke"), ProductHttp.basic(clientId, secret),
                "token=" + token).status());
        Instant revoked = Instant.now(); // acknowledged, so committed

        ProductHttp.Answer refused = awaitRefusal(second, token, revoked);
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"reason\":\"token_revoked\""), refused.body());
    }

    @Test
    @Order(3)
    void aBlockOnOneNodeIsEnforcedOnTheOtherWithinASecondAndSoIsTheUnblock() throws Exception {
        String token = http.token(first.uri("/"), clientId, secret);
        assertEquals(200, menu(first, token).status());
        String admin = ProductHttp.basic("admin", ADMIN_PASSWORD);

        http.expect(200, "POST", second.uri("management/v1/applications/" + applicationId + "/block"), admin, null);
        Instant blocked = Instant.now();
        ProductHttp.Answer refused = awaitRefusal(first, token, blocked);
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"reason\":\"application_blocked\""), refused.body());
        ProductHttp.Answer noToken = awaitTokenRefusal(first, secret, blocked);
        assertEquals(400, noToken.status(), noToken.body());
        assertTrue(noToken.body().contains("\"error\":\"unauthorized_client\""), noToken.body());

        http.expect(200, "POST", second.uri("management/v1/applications/" + applicationId + "/unblock"), admin, null);
        Instant unblocked = Instant.now();
        ProductHttp.Answer served = menu(first, token);
        while (served.status() != 200 && Duration.between(unblocked, Instant.now()).compareTo(ENFORCED_WITHIN) < 0) {
            Thread.sleep(20);
            served = menu(first, token);
        }
        assertEquals(200, served.status(), served.body());
    }

    @Test
    @Order(4)
    void aSecretRevokedOnOneNodeGetsNoTokenFromTheOtherWithinASecond() throws Exception {
        JsonObject added = http.expect(201, "POST", node(second, "developer/v1/applications/" + applicationId
                + "/keys/PRODUCTION/secrets"), developer, "{\"name\":\"rotating\"}");
        String rotating = added.getString("value");
        http.token(first.uri("/"), clientId, rotating); // the first node now knows the client with this secret

        assertEquals(204, http.send("DELETE", node(second, "developer/v1/applications/" + applicationId
                + "/keys/PRODUCTION/secrets/" + added.getJsonObject("secret").getString("id")), developer, null)
                .status());
        Instant revoked = Instant.now();

        ProductHttp.Answer refused = awaitTokenRefusal(first, rotating, revoked);
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"error\":\"invalid_client\""), refused.body());
        http.token(first.uri("/"), clientId, secret); // the other secret still works
    }

    /** Polls the node's token endpoint until it refuses the secret; answers the refusal. */
    private ProductHttp.Answer awaitTokenRefusal(RunningProduct node, String clientSecret, Instant since)
            throws Exception {
        ProductHttp.Answer answer;
        do {
            answer = http.form(node.uri("oauth2/token"), ProductHttp.basic(clientId, clientSecret),
                    "grant_type=client_credentials");
        } while (answer.status() == 200 && Duration.between(since, Instant.now()).compareTo(ENFORCED_WITHIN) < 0
                && sleep());
        System.out.printf("cluster: token endpoint answered %d on the other node after %d ms%n", answer.status(),
                Duration.between(since, Instant.now()).toMillis());
        return answer;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }

    @Test
    @Order(5)
    void aPlansRateLimitHoldsAcrossTheNodes() throws Exception {
        String admin = ProductHttp.basic("admin", ADMIN_PASSWORD);
        String planId = http.expect(201, "POST", first.uri("management/v1/plans"), admin,
                "{\"name\":\"Five an hour\",\"requestLimit\":5,\"timeUnit\":\"HOUR\"}").getString("id");
        pingApi(admin, "ping", planId);
        String token = http.token(first.uri("/"), clientId, secret);
        awaitWholeMinuteLeftInTheHour();

        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            remaining.add(ping(first, token, 200));
        }
        Thread.sleep(1000); // the nodes exchange their counts five times a second
        remaining.add(ping(second, token, 200));
        remaining.add(ping(second, token, 200));
        Thread.sleep(1000);

        assertEquals(List.of(4L, 3L, 2L, 1L, 0L), remaining, "one count across both nodes");
        ping(first, token, 429);
        ping(second, token, 429);
    }

    /** A mock API with one GET /ping operation, published, on the given plans. */
    private String pingApi(String admin, String context, String planId) throws Exception {
        String document = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Cluster " + context + "\",\"version\":\"1.0.0\"},"
                + "\"paths\":{\"/ping\":{\"get\":{\"responses\":{\"200\":{\"description\":\"pong\",\"content\":"
                + "{\"application/json\":{\"example\":{\"pong\":true}}}}}}}}}";
        String apiId = http.expect(201, "POST", first.uri("management/v1/apis"), admin, Json.createObjectBuilder()
                .add("document", document).add("context", context).add("endpointType", "MOCK")
                .add("planIds", Json.createArrayBuilder().add(planId)).build().toString()).getString("id");
        http.expect(200, "POST", first.uri("management/v1/apis/" + apiId + "/lifecycle"), admin,
                "{\"lifecycle\":\"PUBLISHED\"}");
        http.expect(201, "POST", second.uri("developer/v1/applications/" + applicationId + "/subscriptions"),
                developer, "{\"apiId\":\"" + apiId + "\",\"planId\":\"" + planId + "\"}");
        return apiId;
    }

    @Test
    @Order(6)
    void anHourlyQuotaIsExactAcrossTheNodesWhetherCallsArePacedOrSentAtOnce() throws Exception {
        String admin = ProductHttp.basic("admin", ADMIN_PASSWORD);
        String planId = http.expect(201, "POST", first.uri("management/v1/plans"), admin,
                "{\"name\":\"Ten an hour\",\"requestLimit\":10,\"timeUnit\":\"HOUR\"}").getString("id");
        pingApi(admin, "paced", planId);
        burstApiId = pingApi(admin, "burst", planId);
        String token = http.token(first.uri("/"), clientId, secret);
        awaitWholeMinuteLeftInTheHour();

        Map<Integer, Integer> paced = new java.util.TreeMap<>();
        for (int i = 0; i < 20; i++) {
            RunningProduct node = i % 2 == 0 ? first : second;
            paced.merge(http.send("GET", node.uri("api/paced/1.0.0/ping"), ProductHttp.bearer(token), null).status(),
                    1, Integer::sum);
            Thread.sleep(300);
        }
        assertEquals(Map.of(200, 10, 429, 10), paced, "20 calls 300 ms apart, alternating nodes");

        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RunningProduct node = i % 2 == 0 ? first : second;
                answers.add(callers.submit(() -> http.send("GET", node.uri("api/burst/1.0.0/ping"),
                        ProductHttp.bearer(token), null).status()));
            }
            Map<Integer, Integer> atOnce = new java.util.TreeMap<>();
            for (Future<Integer> answer : answers) {
                atOnce.merge(answer.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(200, 10, 429, 10), atOnce, "20 calls at once over both nodes");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @Order(7)
    void usageCountedOnBothNodesIsSummedExactly() throws Exception {
        String admin = ProductHttp.basic("admin", ADMIN_PASSWORD);
        URI apiUsage = second.uri("management/v1/apis/" + burstApiId + "/usage");
        Instant deadline = Instant.now().plusSeconds(20); // each node writes every 5 s by default
        while (http.expect(200, "GET", apiUsage, admin, null).getJsonNumber("calls").longValue() < 20
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Thread.sleep(5500); // one more write of each node: the count must be exact, not merely at least

        JsonObject byApi = http.expect(200, "GET", apiUsage, admin, null);
        assertEquals(20, byApi.getJsonNumber("calls").longValue(), byApi.toString());
        assertEquals(10, byApi.getJsonNumber("refused").longValue(), byApi.toString());
        assertEquals(Map.of("rate_limited", 10L), Map.of("rate_limited",
                byApi.getJsonObject("refusals").getJsonNumber("rate_limited").longValue()));
        assertEquals(1, byApi.getJsonObject("refusals").size(), byApi.toString());

        JsonObject mine = http.expect(200, "GET", first.uri("developer/v1/applications/" + applicationId + "/usage"),
                developer, null);
        JsonObject burst = mine.getJsonArray("operations").getValuesAs(JsonObject.class).stream()
                .filter(operation -> operation.getString("api").equals("Cluster burst 1.0.0")).findFirst().orElseThrow();
        assertEquals("GET /ping", burst.getString("operation"));
        assertEquals(20, burst.getJsonNumber("calls").longValue(), burst.toString());
        assertEquals(10, burst.getJsonObject("refusals").getJsonNumber("rate_limited").longValue());
        assertTrue(mine.getJsonArray("recentRefusals").getValuesAs(JsonObject.class).stream()
                .anyMatch(refusal -> refusal.getString("reason").equals("rate_limited")
                        && refusal.getString("path").equals("/api/burst/1.0.0/ping")), mine.toString());
    }

    private long ping(RunningProduct node, String token, int status) throws Exception {
        ProductHttp.Answer answer = http.send("GET", node.uri("api/ping/1.0.0/ping"), ProductHttp.bearer(token), null);
        assertEquals(status, answer.status(), answer.body());
        assertEquals(5, answer.header("RateLimit-Limit"));
        return answer.header("RateLimit-Remaining");
    }

    /** A window that ends during the test would start the count afresh. */
    private static void awaitWholeMinuteLeftInTheHour() throws InterruptedException {
        Instant now = Instant.now();
        Instant hourEnds = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        if (Duration.between(now, hourEnds).toSeconds() < 60) {
            Thread.sleep(Duration.between(now, hourEnds).toMillis() + 100);
        }
    }

    /** The kid in a token's header. */
    private static String kid(String token) {
        byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        try (var reader = Json.createReader(new java.io.ByteArrayInputStream(header))) {
            return reader.readObject().getString("kid");
        }
    }

    private String signingKeyStatus(String admin, String kid) throws Exception {
        ProductHttp.Answer keys = http.send("GET", first.uri("management/v1/signing-keys"), admin, null);
        assertEquals(200, keys.status(), keys.body());
        return keys.jsonArray().getValuesAs(JsonObject.class).stream().filter(key -> key.getString("kid").equals(kid))
                .map(key -> key.getString("status")).findFirst().orElseThrow();
    }

    @Test
    @Order(8)
    void aKeyRotationUnderLoadRefusesNoValidTokenAndADisabledKeysTokensAreRefusedOnEveryNodeWithinASecond()
            throws Exception {
        String admin = ProductHttp.basic("admin", ADMIN_PASSWORD);
        String before = http.token(first.uri("/"), clientId, secret);
        String old = kid(before);
        Map<String, Map<Integer, Integer>> answers = new ConcurrentHashMap<>();
        Set<String> servedKids = ConcurrentHashMap.newKeySet();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            RunningProduct issuer = worker % 2 == 0 ? first : second;
            workers.add(load.submit(() -> {
                while (running.get()) {
                    // a token issued now, and one issued before the rotation, on both nodes
                    ProductHttp.Answer issued = http.form(issuer.uri("oauth2/token"),
                            ProductHttp.basic(clientId, secret), "grant_type=client_credentials");
                    answers.computeIfAbsent("token", k -> new ConcurrentHashMap<>()).merge(issued.status(), 1,
                            Integer::sum);
                    if (issued.status() != 200) {
                        failures.add("token " + issued.status() + " " + issued.body());
                        continue;
                    }
                    String fresh = issued.json().getString("access_token");
                    for (String token : List.of(fresh, before)) {
                        for (RunningProduct node : List.of(first, second)) {
                            ProductHttp.Answer answer = menu(node, token);
                            answers.computeIfAbsent("gateway", k -> new ConcurrentHashMap<>())
                                    .merge(answer.status(), 1, Integer::sum);
                            if (answer.status() == 200) {
                                servedKids.add(kid(token));
                            } else {
                                failures.add("gateway " + answer.status() + " for a token of " + kid(token) + ": "
                                        + answer.body());
                            }
                        }
                    }
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        String rotated;
        String after;
        try {
            Thread.sleep(1000);
            JsonObject rotation = http.expect(200, "POST", second.uri("management/v1/signing-keys/rotation"), admin,
                    null);
            rotated = rotation.getString("kid");
            Instant started = Instant.now();
            after = http.token(first.uri("/"), clientId, secret);
            while (!kid(after).equals(rotated)
                    || !kid(http.token(second.uri("/"), clientId, secret)).equals(rotated)) {
                assertTrue(Duration.between(started, Instant.now()).toSeconds() < 40, "the new key never signed");
                Thread.sleep(200);
                after = http.token(first.uri("/"), clientId, secret);
            }
            System.out.printf("cluster: the rotated key signs on both nodes %d ms after the rotation began%n",
                    Duration.between(started, Instant.now()).toMillis());
            while (!signingKeyStatus(admin, old).equals("PASSIVE")) {
                assertTrue(Duration.between(started, Instant.now()).toSeconds() < 120,
                        "the old key was never retired");
                Thread.sleep(1000);
            }
            Thread.sleep(2000);
        } finally {
            running.set(false);
            load.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        System.out.printf("cluster: answers through the rotation %s, served tokens of keys %s%n", answers, servedKids);

        assertTrue(failures.isEmpty(), "no valid token refused, no 5xx: " + failures);
        assertEquals(Set.of(old, rotated), servedKids, "tokens of the old and the new key, served on both nodes");

        http.expect(200, "POST", first.uri("management/v1/signing-keys/" + old + "/disable"), admin, null);
        Instant disabled = Instant.now(); // acknowledged, so committed
        for (RunningProduct node : List.of(second, first)) {
            ProductHttp.Answer refused = awaitRefusal(node, before, disabled);
            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"reason\":\"token_revoked\""), refused.body());
            assertEquals(200, menu(node, after).status(), "the new key's tokens are served");
        }
        assertEquals("DISABLED", signingKeyStatus(admin, old));
    }

    @Test
    @Order(9)
    void theDatabaseRestartingUnderLoadCostsNo500AndLosesNothing() throws Exception {
        String token = http.token(first.uri("/"), clientId, secret);
        String doomed = http.token(first.uri("/"), clientId, secret);
        assertEquals(200, menu(second, doomed).status(), "the second node has it verified");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Map<Integer, Integer>> answers = new ConcurrentHashMap<>();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 6; worker++) {
            RunningProduct target = worker % 2 == 0 ? first : second;
            int number = worker;
            workers.add(load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    Instant sent = Instant.now();
                    ProductHttp.Answer answer;
                    String kind = List.of("gateway", "token", "write").get(number % 3);
                    try {
                        answer = switch (kind) {
                            case "gateway" -> menu(target, token);
                            case "token" -> http.form(target.uri("oauth2/token"), ProductHttp.basic(clientId, secret),
                                    "grant_type=client_credentials");
                            default -> http.send("POST", target.uri("developer/v1/applications"), developer,
                                    "{\"name\":\"outage " + number + "-" + i + "\"}");
                        };
                    } catch (java.io.IOException e) {
                        failures.add(kind + ": " + e);
                        continue;
                    }
                    answers.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 201) {
                        acknowledged.add(answer.json().getString("id"));
                    }
                    if (answer.status() >= 500 && answer.status() != 503) {
                        failures.add(kind + " " + answer.status() + " " + answer.body());
                    }
                    if (answer.status() == 503 && answer.response().headers().firstValue("Retry-After").isEmpty()) {
                        failures.add(kind + " 503 without Retry-After");
                    }
                    if (Duration.between(sent, Instant.now()).toSeconds() >= 10) {
                        failures.add(kind + " took " + Duration.between(sent, Instant.now()).toMillis() + " ms");
                    }
                    Thread.sleep(50);
                }
                return null;
            }));
        }
        Map<String, Map<Integer, Integer>> duringOutage;
        try {
            Thread.sleep(2000);
            // revoked right before the database goes: the second node learns of it only once it is back
            assertEquals(200, http.form(first.uri("oauth2/revoke"), ProductHttp.basic(clientId, secret),
                    "token=" + doomed).status());
            postgres.close();
            Instant stopped = Instant.now();
            try {
                ProductHttp.Answer health = http.send("GET", second.uri("health/ready"), null, null);
                while (health.status() == 200 && Duration.between(stopped, Instant.now()).toSeconds() < 10) {
                    Thread.sleep(200);
                    health = http.send("GET", second.uri("health/ready"), null, null);
                }
                System.out.printf("cluster: the second node said %d on /health/ready %d ms after the database"
                        + " stopped%n", health.status(), Duration.between(stopped, Instant.now()).toMillis());
                assertEquals(503, health.status(), "ready while the database is down: " + health.body());
                assertTrue(health.body().contains("\"database\"") && health.body().contains("\"DOWN\""),
                        health.body());
                ProductHttp.Answer served = menu(first, token);
                assertEquals(200, served.status(), "a known token of a subscribed application is still served: "
                        + served.body());
                Thread.sleep(Math.max(0, 15_000 - Duration.between(stopped, Instant.now()).toMillis()));
            } finally {
                // whatever failed above, the next tests need their database back
                duringOutage = copy(answers);
                postgres = database().start();
            }
            Instant restarted = Instant.now();
            awaitReady(first, restarted);
            awaitReady(second, restarted);
            System.out.printf("cluster: both nodes ready %d ms after the database restarted%n",
                    Duration.between(restarted, Instant.now()).toMillis());
            Thread.sleep(2000);
        } finally {
            running.set(false); // also when an assertion above failed: no load left behind for the next test
            load.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        System.out.printf("cluster: answers through the outage %s (up to its end: %s)%n", answers, duringOutage);

        assertTrue(failures.isEmpty(), "no 500, no 503 without Retry-After, no hang: " + failures);
        assertTrue(duringOutage.getOrDefault("write", Map.of()).containsKey(503), "writes were refused: " + duringOutage);
        ProductHttp.Answer refused = awaitRefusal(second, doomed, Instant.now());
        assertEquals(401, refused.status(), "the revocation made before the outage holds after it: " + refused.body());
        assertEquals(200, menu(second, http.token(second.uri("/"), clientId, secret)).status());
        ProductHttp.Answer list = http.send("GET", second.uri("developer/v1/applications"), developer, null);
        assertEquals(200, list.status(), list.body());
        Set<String> stored = list.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(application -> application.getString("id")).collect(Collectors.toSet());
        assertTrue(stored.containsAll(acknowledged), "every acknowledged application was stored; missing: "
                + acknowledged.stream().filter(id -> !stored.contains(id)).toList());
    }

    private static Map<String, Map<Integer, Integer>> copy(Map<String, Map<Integer, Integer>> answers) {
        Map<String, Map<Integer, Integer>> copy = new java.util.TreeMap<>();
        answers.forEach((kind, counts) -> copy.put(kind, new java.util.TreeMap<>(counts)));
        return copy;
    }

    /** Polls until the node is ready again; a node must recover by itself within a few seconds. */
    private void awaitReady(RunningProduct node, Instant since) throws Exception {
        while (http.send("GET", node.uri("health/ready"), null, null).status() != 200) {
            assertTrue(Duration.between(since, Instant.now()).toSeconds() < 30, "not ready 30 s after the restart");
            Thread.sleep(200);
        }
    }

    @Test
    @Order(10)
    void aNodeKilledUnderLoadLosesNothingAndTheOtherKeepsServing() throws Exception {
        String token = http.token(first.uri("/"), clientId, secret);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger servedAfterKill = new AtomicInteger();
        List<String> survivorFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(8);
        for (int worker = 0; worker < 6; worker++) {
            RunningProduct target = worker % 2 == 0 ? first : second;
            int number = worker;
            workers.add(load.submit(() -> {
                int i = 0;
                while (Instant.now().isBefore(end)) {
                    String name = "load " + number + "-" + i++;
                    boolean afterKill = killed.get();
                    try {
                        ProductHttp.Answer created = http.send("POST", target.uri("developer/v1/applications"),
                                developer, "{\"name\":\"" + name + "\"}");
                        if (created.status() == 201) {
                            acknowledged.add(created.json().getString("id"));
                        }
                        ProductHttp.Answer served = menu(target, token);
                        if (target == first && afterKill) {
                            if (created.status() == 201 && served.status() == 200) {
                                servedAfterKill.incrementAndGet();
                            } else {
                                survivorFailures.add(created.status() + " " + created.body() + " / " + served.status());
                            }
                        }
                    } catch (java.io.IOException e) {
                        if (target == first) {
                            survivorFailures.add(e.toString());
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3000);
        second.kill();
        killed.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        load.shutdown();

        assertTrue(survivorFailures.isEmpty(), "the surviving node failed: " + survivorFailures);
        assertTrue(servedAfterKill.get() > 0, "the surviving node served after the kill");
        ProductHttp.Answer list = http.send("GET", first.uri("developer/v1/applications"), developer, null);
        assertEquals(200, list.status(), list.body());
        Set<String> stored = list.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(application -> application.getString("id")).collect(Collectors.toSet());
        assertTrue(stored.containsAll(acknowledged), "every acknowledged application was stored; missing: "
                + acknowledged.stream().filter(id -> !stored.contains(id)).toList());
        System.out.printf("cluster: %d applications acknowledged under load, %d served by the survivor after the"
                + " kill%n", acknowledged.size(), servedAfterKill.get());
    }
}
