package dev.gatehouse.product;

import dev.gatehouse.product.GatewayBenchmark.Call;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's large database ({@code -Dbench.scale=10000}): that many applications, a tenth as many published
 * APIs, ten subscriptions per application and ten applications per developer, all created through the product's
 * HTTP API as publishers and developers create them (never by SQL), so that every cache and index is filled the way
 * production fills it. A thousand of the applications (or all, if fewer) get keys and a token; the benchmark then
 * calls their APIs in turn.
 */
final class AtScale {

    static final int APPLICATIONS = Integer.getInteger("bench.scale", 0);
    private static final int APPLICATIONS_PER_DEVELOPER = 10;
    private static final int SUBSCRIPTIONS_PER_APPLICATION = 10;
    private static final int MEASURED_APPLICATIONS = 1000;
    private static final String UNLIMITED_PLAN = "6b0c7a0e-0f3a-4c2e-9a51-000000000004";
    /** One GET that the mock answers from its example: each API as cheap to serve as the next. */
    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: Scale %d, version: 1.0.0}
            paths:
              /items:
                get:
                  responses:
                    '200': {description: the items, content: {application/json: {example: [{id: 1, name: first}]}}}
            """;

    private final ProductHttp http = new ProductHttp();
    private final RunningProduct product;
    private final AtomicLong requests = new AtomicLong();

    /** What was created, and the calls that use it: tokens for a thousand clients, gateway calls with their tokens. */
    record Loaded(int apis, int applications, int subscriptions, long requests, Duration took, List<Call> tokenCalls,
            List<Call> gatewayCalls) {
    }

    private AtScale(RunningProduct product) {
        this.product = product;
    }

    static boolean wanted() {
        return APPLICATIONS > 0;
    }

    static Loaded load(RunningProduct product) throws Exception {
        return new AtScale(product).load();
    }

    private Loaded load() throws Exception {
        Instant began = Instant.now();
        int apiCount = Math.max(SUBSCRIPTIONS_PER_APPLICATION, APPLICATIONS / 10);
        String admin = Administrator.basic(Administrator.USERNAME, Administrator.password(product));
        List<String> apiPaths = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(apiCount, null)));
        inParallel(apiCount, i -> {
            JsonObject api = send("POST", "management/v1/apis", admin, Json.createObjectBuilder()
                    .add("document", String.format(Locale.ROOT, DOCUMENT, i))
                    .add("context", String.format(Locale.ROOT, "scale-%05d", i)).add("endpointType", "MOCK")
                    .add("planIds", Json.createArrayBuilder().add(UNLIMITED_PLAN)).build().toString());
            send("POST", "management/v1/apis/" + api.getString("id") + "/lifecycle", admin,
                    "{\"lifecycle\":\"PUBLISHED\"}");
            apiPaths.set(i, api.getString("id") + " /api/" + api.getString("context") + "/"
                    + api.getString("version") + "/items");
        });
        System.out.printf(Locale.ROOT, "At scale: %d APIs published in %d s%n", apiCount,
                Duration.between(began, Instant.now()).toSeconds());
        int developers = (APPLICATIONS + APPLICATIONS_PER_DEVELOPER - 1) / APPLICATIONS_PER_DEVELOPER;
        int measuredEvery = Math.max(1, APPLICATIONS / MEASURED_APPLICATIONS);
        List<Call> tokenCalls = Collections.synchronizedList(new ArrayList<>());
        List<Call> gatewayCalls = Collections.synchronizedList(new ArrayList<>());
        AtomicLong subscriptions = new AtomicLong();
        inParallel(developers, d -> {
            String name = String.format(Locale.ROOT, "scale-%06d", d);
            String password = "a benchmark password";
            send("POST", "developer/v1/signup", null, "{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@example.com\",\"displayName\":\"Scale\",\"password\":\"" + password + "\"}");
            String developer = Administrator.basic(name, password);
            for (int a = d * APPLICATIONS_PER_DEVELOPER; a < Math.min(APPLICATIONS, (d + 1) * APPLICATIONS_PER_DEVELOPER);
                    a++) {
                String app = send("POST", "developer/v1/applications", developer, "{\"name\":\"app-" + a + "\"}")
                        .getString("id");
                String firstPath = null;
                for (int s = 0; s < SUBSCRIPTIONS_PER_APPLICATION; s++) {
                    String[] api = apiPaths.get((a * SUBSCRIPTIONS_PER_APPLICATION + s) % apiCount).split(" ");
                    send("POST", "developer/v1/applications/" + app + "/subscriptions", developer,
                            "{\"apiId\":\"" + api[0] + "\",\"planId\":\"" + UNLIMITED_PLAN + "\"}");
                    subscriptions.incrementAndGet();
                    firstPath = firstPath == null ? api[1] : firstPath;
                }
                if (a % measuredEvery == 0 && tokenCalls.size() < MEASURED_APPLICATIONS) {
                    JsonObject keys = send("POST", "developer/v1/applications/" + app + "/keys/PRODUCTION",
                            developer, null);
                    String basic = BenchClient.clientBasic(new String[] {keys.getJsonObject("keys")
                            .getString("clientId"), keys.getJsonObject("secret").getString("value")});
                    tokenCalls.add(new Call("POST", "/oauth2/token", Map.of("Authorization", basic,
                            "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials"));
                    gatewayCalls.add(new Call("GET", firstPath, Map.of("Authorization", "Bearer "
                            + BenchClient.token(product, basic)), null));
                }
            }
            if ((d + 1) % Math.max(1, developers / 10) == 0) {
                System.out.printf(Locale.ROOT, "At scale: %d of %d developers' applications subscribed, %d s%n",
                        d + 1, developers, Duration.between(began, Instant.now()).toSeconds());
            }
        });
        return new Loaded(apiCount, APPLICATIONS, (int) subscriptions.get(), requests.get(),
                Duration.between(began, Instant.now()), List.copyOf(tokenCalls), List.copyOf(gatewayCalls));
    }

    private interface Step {
        void run(int index) throws Exception;
    }

    /** Runs the steps 0..count-1 on four threads (the server has two cores; more would only queue). */
    private static void inParallel(int count, Step step) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(threads.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private JsonObject send(String method, String path, String authorization, String json) throws Exception {
        ProductHttp.Answer answer = http.send(method, product.uri(path), authorization, json);
        requests.incrementAndGet();
        // as a well-behaved client does: the product bounds the password checks it runs at once (503, Retry-After)
        for (int retry = 0; answer.status() == 503 && retry < 20; retry++) {
            Thread.sleep(1000L * Math.max(1, answer.header("Retry-After")));
            answer = http.send(method, product.uri(path), authorization, json);
            requests.incrementAndGet();
        }
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.body().isBlank() ? JsonObject.EMPTY_JSON_OBJECT : answer.json();
    }
}
