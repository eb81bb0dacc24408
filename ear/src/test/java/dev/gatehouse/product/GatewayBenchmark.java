package dev.gatehouse.product;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The benchmark (mvn -Pbench verify): starts the product as the run command does and loads it from this machine
 * over loopback. Prints, for 64 connections and for 1: tokens/s from /oauth2/token beside this JVM's RS256 signing
 * ceiling, and requests/s through the gateway to a mock endpoint with valid tokens beside the same server's
 * unauthenticated baseline endpoint (GET / as JSON), each with p50 and p99 latency. Then, at 16 connections,
 * tokens/s and gateway requests/s during a flood of wrong HTTP Basic credentials with random usernames (50
 * connections, each from its own loopback address, as from many machines) beside the same figures without it.
 * It measures and prints; it asserts nothing about speed, which depends on the machine.
 *
 * <p>With {@code -Dbench.soak=PT30M} (any ISO-8601 duration) it runs a soak instead: steady token and gateway load
 * at once for that long, a fresh token each minute, printing a line a minute and, at the start and the end, the
 * heap after a full GC, resident memory, threads and open files, and every answer that was not 2xx.
 */
class GatewayBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 8));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    /** Before the first figure: on two cores the JIT compilers take minutes to settle under Payara's code. */
    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(Long.getLong("bench.first-warmup", 120));
    private static final int[] CONNECTIONS = {64, 1};
    private static final int FLOODED_CONNECTIONS = 16;
    private static final int FLOOD_CONNECTIONS = 50;
    private static final Duration SOAK = Duration.parse(System.getProperty("bench.soak", "PT0S"));
    private static final Duration SOAK_SLICE = Duration.ofMinutes(1);
    private static final int SOAK_CONNECTIONS = 4;

    /** Throughput and latency of one measured run. */
    record Figures(double perSecond, double p50Millis, double p99Millis, long errors, long reconnects) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%9.0f/s   p50 %7.3f ms   p99 %7.3f ms%s%s", perSecond, p50Millis,
                    p99Millis, errors == 0 ? "" : "   (" + errors + " unexpected answers)",
                    reconnects == 0 ? "" : "   (" + reconnects + " connections closed by the server)");
        }
    }

    @Test
    void measure() throws Exception {
        Map<Integer, Figures> gatehouseTokens = new TreeMap<>();
        StringBuilder report = new StringBuilder();
        try {
            if (!SOAK.isZero()) {
                soak(report);
                return;
            }
            measureGatehouse(report, gatehouseTokens);
            if (KeycloakPeer.wanted()) {
                measureKeycloak(report, gatehouseTokens);
            }
        } finally {
            System.out.println(report);
        }
    }

    /** Steady load for {@link #SOAK}; whatever grows between its start and its end is a finding. */
    private void soak(StringBuilder report) throws Exception {
        try (RunningProduct product = RunningProduct.start()) {
            String[] credentials = BenchClient.subscribedClient(product);
            String basic = BenchClient.clientBasic(credentials);
            int port = product.uri("/").getPort();
            Call tokenRequest = new Call("POST", "/oauth2/token", Map.of("Authorization", basic,
                    "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");
            warmUp(port, tokenRequest, FIRST_WARM_UP.dividedBy(3));
            warmUp(port, gatewayCall(BenchClient.token(product, basic)), FIRST_WARM_UP.dividedBy(3));
            ServerVitals start = ServerVitals.afterFullGc(product.pid());
            report.append(String.format(Locale.ROOT, "%nGatehouse soak: %s of steady load (%d cores, Java %s, %s),"
                    + " %d connections asking for tokens and %d calling the gateway at once, a fresh token a minute%n"
                    + "  start      %s%n", SOAK, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Wrk.available() ? "wrk" : "the Java client", SOAK_CONNECTIONS,
                    SOAK_CONNECTIONS, start));
            System.out.print(report);
            long tokens = 0;
            long calls = 0;
            long refusedTokens = 0;
            long refusedCalls = 0;
            long broken = 0;
            Instant began = Instant.now();
            Instant end = began.plus(SOAK);
            ExecutorService generators = Executors.newFixedThreadPool(2);
            try {
                for (Duration left = SOAK; left.toSeconds() >= 1; left = Duration.between(Instant.now(), end)) {
                    Duration slice = left.compareTo(SOAK_SLICE) < 0 ? left : SOAK_SLICE;
                    Call gatewayRequest = gatewayCall(BenchClient.token(product, basic));
                    Future<Figures> issuing = generators.submit(() -> steady(port, tokenRequest, slice));
                    Future<Figures> calling = generators.submit(() -> steady(port, gatewayRequest, slice));
                    Figures issued = issuing.get();
                    Figures called = calling.get();
                    tokens += Math.round(issued.perSecond() * slice.toSeconds());
                    calls += Math.round(called.perSecond() * slice.toSeconds());
                    refusedTokens += issued.errors();
                    refusedCalls += called.errors();
                    broken += issued.reconnects() + called.reconnects();
                    String line = String.format(Locale.ROOT, "  %6.1f min  tokens %5.0f/s  gateway %6.0f/s  not 2xx %d"
                            + "  %s%n", Duration.between(began, Instant.now()).toSeconds() / 60.0, issued.perSecond(),
                            called.perSecond(), issued.errors() + called.errors(), ServerVitals.now(product.pid()));
                    report.append(line);
                    System.out.print(line);
                }
            } finally {
                generators.shutdownNow();
            }
            ServerVitals finish = ServerVitals.afterFullGc(product.pid());
            report.append(String.format(Locale.ROOT, "  end        %s%n"
                    + "  growth     heap after GC %+.1f MB, resident %+.0f MB, threads %+d, open files %+d%n"
                    + "  answers    %d tokens and %d gateway calls served; not 2xx: %d token answers, %d gateway"
                    + " answers; %d connection errors%n", finish,
                    (finish.heapAfterGcBytes() - start.heapAfterGcBytes()) / 1048576.0,
                    (finish.residentBytes() - start.residentBytes()) / 1048576.0, finish.threads() - start.threads(),
                    finish.openFiles() - start.openFiles(), tokens, calls, refusedTokens, refusedCalls, broken));
        }
    }

    private static Call gatewayCall(String token) {
        return new Call("GET", "/api/pizzashack/1.0.0/menu", Map.of("Authorization", "Bearer " + token), null);
    }

    private static Figures steady(int port, Call call, Duration slice) throws Exception {
        return Wrk.available() ? Wrk.run(port, call, SOAK_CONNECTIONS, slice)
                : runJava(port, List.of(call.bytes()), 200, SOAK_CONNECTIONS, Duration.ZERO, slice);
    }

    /** The same token requests, generator, warm-up and settings against Keycloak, and the ratios. */
    private static void measureKeycloak(StringBuilder report, Map<Integer, Figures> gatehouseTokens)
            throws Exception {
        try (KeycloakPeer keycloak = KeycloakPeer.start()) {
            Call tokenRequest = new Call("POST", keycloak.tokenPath(), Map.of("Authorization", keycloak.basic(),
                    "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");
            warmUp(keycloak.port(), tokenRequest, FIRST_WARM_UP.dividedBy(3));
            report.append(String.format(Locale.ROOT, "%nKeycloak (dev mode, started in %.1f s), the same client_credentials"
                    + " requests with HTTP Basic%n", keycloak.startup().toMillis() / 1000.0));
            for (int connections : CONNECTIONS) {
                Figures theirs = load(keycloak.port(), tokenRequest, 200, connections);
                Figures ours = gatehouseTokens.get(connections);
                report.append(String.format(Locale.ROOT, "  %2d connection(s)      ", connections)).append(theirs)
                        .append(String.format(Locale.ROOT, "%n      Gatehouse / Keycloak: %.2f x tokens/s (target >= 1.3),"
                                + " p99 %.2f x (target <= 1)%n", ours.perSecond() / theirs.perSecond(),
                                ours.p99Millis() / theirs.p99Millis()));
            }
            report.append(String.format(Locale.ROOT, "  Keycloak resident memory after the run: %.0f MB%n",
                    keycloak.residentBytes() / 1048576.0));
        }
    }

    private void measureGatehouse(StringBuilder report, Map<Integer, Figures> gatehouseTokens) throws Exception {
        try (RunningProduct product = RunningProduct.start()) {
            String[] credentials = BenchClient.subscribedClient(product);
            String basic = BenchClient.clientBasic(credentials);
            String token = BenchClient.token(product, basic);
            int port = product.uri("/").getPort();

            Call tokenRequest = new Call("POST", "/oauth2/token", Map.of("Authorization", basic,
                    "Content-Type", "application/x-www-form-urlencoded"), "grant_type=client_credentials");
            Call gatewayRequest = gatewayCall(token);
            Call baselineRequest = new Call("GET", "/", Map.of("Accept", "application/json"), null);

            report.append("\nGatehouse benchmark (" + Runtime.getRuntime()
                    .availableProcessors() + " cores, Java " + System.getProperty("java.version") + ", loopback, "
                    + MEASURE.toSeconds() + " s per figure after " + WARM_UP.toSeconds() + " s of warm-up, and "
                    + FIRST_WARM_UP.toSeconds() + " s before the first; load"
                    + " generator: " + (Wrk.available() ? "wrk" : "the benchmark's own Java client (install wrk for"
                    + " one that costs the server less CPU)") + ")\n");
            report.append(String.format(Locale.ROOT, "Start-up, java -jar to /health/ready UP: %.1f s (target <= 15 s)%n",
                    product.startup().toMillis() / 1000.0));
            for (Call call : List.of(tokenRequest, gatewayRequest, baselineRequest)) {
                warmUp(port, call, FIRST_WARM_UP.dividedBy(3));
            }
            double ceiling = signingCeiling(Runtime.getRuntime().availableProcessors());
            report.append(String.format(Locale.ROOT, "RS256 signing ceiling of this JVM (%d threads): %.0f/s%n",
                    Runtime.getRuntime().availableProcessors(), ceiling));
            Map<Integer, Figures> gatewayCalls = new TreeMap<>();
            for (int connections : CONNECTIONS) {
                ServerVitals.Spent beforeTokens = ServerVitals.Spent.by(product.pid());
                Figures tokens = load(port, tokenRequest, 200, connections);
                ServerVitals.Spent beforeGateway = ServerVitals.Spent.by(product.pid());
                gatehouseTokens.put(connections, tokens);
                Figures gateway = load(port, gatewayRequest, 200, connections);
                String gatewaySpent = ServerVitals.Spent.by(product.pid()).since(beforeGateway);
                gatewayCalls.put(connections, gateway);
                Figures baseline = load(port, baselineRequest, 200, connections);
                report.append(String.format(Locale.ROOT, "%n%d connection(s)%n", connections));
                report.append("  /oauth2/token         ").append(tokens).append(String.format(Locale.ROOT,
                        "   = %.2f x ceiling (target >= 0.75); %s%n", tokens.perSecond() / ceiling,
                        beforeGateway.since(beforeTokens)));
                report.append("  gateway, mock, token  ").append(gateway).append(String.format(Locale.ROOT,
                        "   = %.2f x baseline (target >= 0.85); %s%n", gateway.perSecond() / baseline.perSecond(),
                        gatewaySpent));
                report.append("  baseline GET /        ").append(baseline).append('\n');
                if (connections == 1) {
                    report.append(String.format(Locale.ROOT,
                            "  validation and checks add %.3f ms at p50 (target <= 0.1 ms)%n",
                            gateway.p50Millis() - baseline.p50Millis()));
                }
            }
            report.append(String.format(Locale.ROOT, "%n%d connection(s), without and during a flood of wrong Basic"
                    + " credentials (%d connections from %d loopback addresses, random usernames, /developer/v1)%n",
                    FLOODED_CONNECTIONS, FLOOD_CONNECTIONS, FLOOD_CONNECTIONS));
            Figures quietTokens = load(port, tokenRequest, 200, FLOODED_CONNECTIONS);
            Figures quietGateway = load(port, gatewayRequest, 200, FLOODED_CONNECTIONS);
            Figures floodedTokens;
            Figures floodedGateway;
            Flood flood = new Flood(port, FLOOD_CONNECTIONS);
            try {
                floodedTokens = load(port, tokenRequest, 200, FLOODED_CONNECTIONS);
                floodedGateway = load(port, gatewayRequest, 200, FLOODED_CONNECTIONS);
            } finally {
                flood.close();
            }
            report.append("  /oauth2/token   without ").append(quietTokens).append('\n');
            report.append("                  during  ").append(floodedTokens).append(String.format(Locale.ROOT,
                    "   = %.2f x without%n", floodedTokens.perSecond() / quietTokens.perSecond()));
            report.append("  gateway         without ").append(quietGateway).append('\n');
            report.append("                  during  ").append(floodedGateway).append(String.format(Locale.ROOT,
                    "   = %.2f x without%n", floodedGateway.perSecond() / quietGateway.perSecond()));
            report.append("  the flood's answers by status: ").append(flood.answers()).append('\n');
            report.append(String.format(Locale.ROOT, "%nServer resident memory after the run: %.0f MB%s%n",
                    product.residentBytes() / 1048576.0, RunningProduct.HEAP == null ? ""
                            : " (heap at most " + RunningProduct.HEAP + ")"));
            if (AtScale.wanted()) {
                measureAtScale(report, product, tokenRequest, gatewayRequest, gatehouseTokens, gatewayCalls);
            }
            measureUsageCounting(report, port, gatewayRequest);
        }
    }

    /**
     * The same server after {@link AtScale} has filled its database: the same single client and token as on the small
     * database, beside a thousand clients and their tokens in turn, each calling one of its application's APIs.
     */
    private static void measureAtScale(StringBuilder report, RunningProduct product, Call tokenRequest,
            Call gatewayRequest, Map<Integer, Figures> smallTokens, Map<Integer, Figures> smallGateway)
            throws Exception {
        System.out.print(report);
        report.setLength(0);
        ServerVitals small = ServerVitals.afterFullGc(product.pid());
        AtScale.Loaded loaded = AtScale.load(product);
        int port = product.uri("/").getPort();
        report.append(String.format(Locale.ROOT, "%nAt scale: %d applications, %d subscriptions, %d APIs, created"
                + " through the HTTP API in %.1f min (%d requests); then %d clients in turn%n", loaded.applications(),
                loaded.subscriptions(), loaded.apis(), loaded.took().toSeconds() / 60.0, loaded.requests(),
                loaded.tokenCalls().size()));
        for (List<Call> calls : List.of(List.of(tokenRequest), List.of(gatewayRequest), loaded.tokenCalls(),
                loaded.gatewayCalls())) {
            warmUp(port, calls, FIRST_WARM_UP.dividedBy(3));
        }
        report.append("  Server before loading: ").append(small).append('\n');
        report.append("  Server after loading:  ").append(ServerVitals.afterFullGc(product.pid())).append('\n');
        for (int connections : CONNECTIONS) {
            ServerVitals.Spent beforeTokens = ServerVitals.Spent.by(product.pid());
            Figures tokens = load(port, tokenRequest, 200, connections);
            ServerVitals.Spent beforeGateway = ServerVitals.Spent.by(product.pid());
            Figures gateway = load(port, gatewayRequest, 200, connections);
            String gatewaySpent = ServerVitals.Spent.by(product.pid()).since(beforeGateway);
            Figures manyTokens = load(port, loaded.tokenCalls(), 200, connections);
            Figures manyGateway = load(port, loaded.gatewayCalls(), 200, connections);
            report.append(String.format(Locale.ROOT, "%n%d connection(s), at scale%n", connections));
            report.append("  /oauth2/token, one client     ").append(tokens).append(String.format(Locale.ROOT,
                    "   = %.2f x the small database (target >= 0.9); %s%n",
                    tokens.perSecond() / smallTokens.get(connections).perSecond(), beforeGateway.since(beforeTokens)));
            report.append("  /oauth2/token, many clients   ").append(manyTokens).append('\n');
            report.append("  gateway, one token            ").append(gateway).append(String.format(Locale.ROOT,
                    "   = %.2f x the small database (target >= 0.9); %s%n",
                    gateway.perSecond() / smallGateway.get(connections).perSecond(), gatewaySpent));
            report.append("  gateway, many tokens and APIs ").append(manyGateway).append('\n');
        }
        report.append(String.format(Locale.ROOT, "  Server resident memory at scale: %.0f MB%n",
                product.residentBytes() / 1048576.0));
    }

    /**
     * The gateway with usage counting on (the product measured above) beside a second product with it off
     * ({@code GATEHOUSE_USAGE_ENABLED=false}), both running, measured in turns so that neither has the quieter
     * moment: two rounds each at 64 connections, the better of each compared.
     */
    private static void measureUsageCounting(StringBuilder report, int withPort, Call withUsage) throws Exception {
        try (RunningProduct without = RunningProduct.start(Map.of("GATEHOUSE_USAGE_ENABLED", "false"))) {
            int withoutPort = without.uri("/").getPort();
            Call withoutUsage = gatewayCall(BenchClient.token(without, BenchClient.clientBasic(
                    BenchClient.subscribedClient(without))));
            warmUp(withoutPort, withoutUsage, FIRST_WARM_UP.dividedBy(3));
            Figures on = null;
            Figures off = null;
            for (int round = 0; round < 2; round++) {
                on = better(on, load(withPort, withUsage, 200, CONNECTIONS[0]));
                off = better(off, load(withoutPort, withoutUsage, 200, CONNECTIONS[0]));
            }
            report.append(String.format(Locale.ROOT, "%nUsage counting, gateway at %d connections (better of two"
                    + " rounds each, in turns)%n", CONNECTIONS[0]));
            report.append("  counting on           ").append(on).append(String.format(Locale.ROOT,
                    "   = %.3f x off (target >= 0.95)%n", on.perSecond() / off.perSecond()));
            report.append("  counting off          ").append(off).append('\n');
        }
    }

    private static Figures better(Figures best, Figures next) {
        return best == null || next.perSecond() > best.perSecond() ? next : best;
    }

    /**
     * Wrong HTTP Basic credentials with a new random username on every request, over keep-alive connections, each
     * from its own loopback address (127.0.0.100...), until closed.
     */
    private static final class Flood implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();

        Flood(int port, int connections) {
            for (int c = 0; c < connections; c++) {
                String source = "127.0.0." + (100 + c);
                Thread thread = new Thread(() -> {
                    Connection connection = null;
                    while (running.get()) {
                        String basic = Base64.getEncoder().encodeToString(("flood-" + UUID.randomUUID()
                                + ":wrong password").getBytes(StandardCharsets.UTF_8));
                        try {
                            if (connection == null) {
                                connection = new Connection(port, source);
                            }
                            int status = connection.exchange(new Call("GET", "/developer/v1/applications",
                                    Map.of("Authorization", "Basic " + basic, "Accept", "application/json"), null)
                                    .bytes());
                            answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            if (connection.closing) {
                                connection = Connection.closeQuietly(connection);
                            }
                        } catch (IOException closed) {
                            connection = Connection.closeQuietly(connection);
                        }
                    }
                    Connection.closeQuietly(connection);
                });
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        Map<Integer, AtomicLong> answers() {
            return new TreeMap<>(answers);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** Tokens signed per second by nimbus-jose-jwt with an RSA-2048 key, on all cores, as the token endpoint signs. */
    private static double signingCeiling(int threads) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        RSASSASigner signer = new RSASSASigner(key);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID("bench").build();
        AtomicLong signed = new AtomicLong();
        Instant warmEnd = Instant.now().plus(WARM_UP.dividedBy(2));
        Instant end = warmEnd.plus(MEASURE.dividedBy(2));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    while (Instant.now().isBefore(end)) {
                        Instant now = Instant.now();
                        SignedJWT jwt = new SignedJWT(header, new JWTClaimsSet.Builder().issuer("http://localhost")
                                .subject("client").audience("gatehouse").issueTime(Date.from(now))
                                .expirationTime(Date.from(now.plusSeconds(3600))).jwtID(UUID.randomUUID().toString())
                                .claim("client_id", "client").claim("scope", "orders:write").build());
                        jwt.sign(signer);
                        jwt.serialize();
                        if (now.isAfter(warmEnd)) {
                            signed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return signed.get() / (MEASURE.toMillis() / 2000.0);
    }

    /** One request, sent again and again: as raw HTTP/1.1 for the Java client, as a script for wrk. */
    record Call(String method, String path, Map<String, String> headers, String body) {

        byte[] bytes() {
            StringBuilder text = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
            }
            return text.append("\r\n").append(body == null ? "" : body).toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Load that is not measured, at 16 connections. */
    private static void warmUp(int port, Call call, Duration duration) throws Exception {
        warmUp(port, List.of(call), duration);
    }

    static void warmUp(int port, List<Call> calls, Duration duration) throws Exception {
        if (Wrk.available()) {
            Wrk.run(port, calls, 16, duration);
        } else {
            runJava(port, calls.stream().map(Call::bytes).toList(), 200, 16, duration, Duration.ZERO);
        }
    }

    /** Warm-up, then the measured run, with wrk when it is installed, with the Java client otherwise. */
    private static Figures load(int port, Call call, int expectedStatus, int connections) throws Exception {
        return load(port, List.of(call), expectedStatus, connections);
    }

    /** As above, the calls sent in turn (each connection starting at its own). */
    static Figures load(int port, List<Call> calls, int expectedStatus, int connections) throws Exception {
        if (Wrk.available()) {
            Wrk.run(port, calls, connections, WARM_UP);
            return Wrk.run(port, calls, connections, MEASURE);
        }
        return runJava(port, calls.stream().map(Call::bytes).toList(), expectedStatus, connections, WARM_UP,
                MEASURE);
    }

    /**
     * wrk (Debian's package): a load generator in C that costs far less CPU than one in Java, which shares the
     * machine's cores with the server. Every answer other than 2xx or 3xx counts as unexpected.
     */
    static final class Wrk {

        private static final boolean AVAILABLE = probe();

        static boolean available() {
            return AVAILABLE;
        }

        private static boolean probe() {
            try {
                Process version = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
                version.getInputStream().readAllBytes();
                version.waitFor();
                return true;
            } catch (IOException | InterruptedException absent) {
                return false;
            }
        }

        static Figures run(int port, Call call, int connections, Duration duration) throws Exception {
            return run(port, List.of(call), connections, duration);
        }

        /** The calls in turn; one call is wrk's own fixed request, several a table the script walks through. */
        static Figures run(int port, List<Call> calls, int connections, Duration duration) throws Exception {
            Call call = calls.get(0);
            StringBuilder script = new StringBuilder();
            if (calls.size() == 1) {
                script.append("wrk.method = \"").append(call.method()).append("\"\n");
                call.headers().forEach((name, value) -> script.append("wrk.headers[\"").append(name)
                        .append("\"] = \"").append(value).append("\"\n"));
                if (call.body() != null) {
                    script.append("wrk.body = \"").append(call.body()).append("\"\n");
                }
            } else {
                // built in init, where wrk has set the Host header that wrk.format adds; each thread starts at
                // its own random call
                script.append("local calls = {}\nlocal turn = 0\n"
                        + "setup = function(thread) thread:set(\"first\", math.random(" + calls.size() + ")) end\n"
                        + "init = function(args)\n");
                for (Call each : calls) {
                    script.append("  calls[#calls + 1] = wrk.format(\"").append(each.method()).append("\", \"")
                            .append(each.path()).append("\", {");
                    each.headers().forEach((name, value) -> script.append("[\"").append(name).append("\"] = \"")
                            .append(value).append("\", "));
                    script.append("}, ").append(each.body() == null ? "nil" : "\"" + each.body() + "\"")
                            .append(")\n");
                }
                script.append("  turn = first or 0\nend\n"
                        + "request = function() turn = turn % #calls + 1; return calls[turn] end\n");
            }
            script.append("done = function(summary, latency, requests)\n"
                    + "  local e = summary.errors\n"
                    + "  io.write(string.format(\"GATEHOUSE %d %d %d %d %.0f %.0f\\n\", summary.requests,"
                    + " summary.duration, e.status, e.connect + e.read + e.write + e.timeout,"
                    + " latency:percentile(50), latency:percentile(99)))\n"
                    + "end\n");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gatehouse-bench", ".lua");
            try {
                java.nio.file.Files.writeString(file, script);
                Process wrk = new ProcessBuilder("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
                        Integer.toString(connections), "-d", duration.toSeconds() + "s", "-s", file.toString(),
                        "http://127.0.0.1:" + port + call.path()).redirectErrorStream(true).start();
                String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                wrk.waitFor();
                String line = output.lines().filter(l -> l.startsWith("GATEHOUSE ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("wrk said: " + output));
                String[] f = line.split(" ");
                long requests = Long.parseLong(f[1]);
                double seconds = Long.parseLong(f[2]) / 1e6;
                return new Figures((requests - Long.parseLong(f[3])) / seconds, Double.parseDouble(f[5]) / 1000,
                        Double.parseDouble(f[6]) / 1000, Long.parseLong(f[3]), Long.parseLong(f[4]));
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    /** Sends the requests in turn over keep-alive connections for the warm-up, then measures. */
    private static Figures runJava(int port, List<byte[]> requests, int expectedStatus, int connections,
            Duration warmUp, Duration measure) throws Exception {
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmEnd + measure.toNanos();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        AtomicLong reconnects = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int index = c;
            latencies[index] = new long[1 << 20];
            Thread worker = new Thread(() -> {
                long[] mine = latencies[index];
                int count = 0;
                int turn = index;
                Connection connection = null;
                for (long started = System.nanoTime(); started < end; started = System.nanoTime()) {
                    int status;
                    try {
                        if (connection == null) {
                            connection = new Connection(port);
                        }
                        status = connection.exchange(requests.get(turn++ % requests.size()));
                    } catch (IOException closed) {
                        // the server may end a keep-alive connection at any time; a client opens another
                        reconnects.incrementAndGet();
                        connection = Connection.closeQuietly(connection);
                        continue;
                    }
                    long finished = System.nanoTime();
                    if (connection.closing) {
                        connection = Connection.closeQuietly(connection);
                    }
                    if (started < warmEnd) {
                        continue;
                    }
                    if (status != expectedStatus) {
                        errors.incrementAndGet();
                    } else if (count < mine.length) {
                        mine[count++] = finished - started;
                    }
                }
                Connection.closeQuietly(connection);
                counts[index] = count;
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        if (all.length == 0) {
            return new Figures(0, 0, 0, errors.get(), reconnects.get());
        }
        return new Figures(all.length / (measure.toNanos() / 1e9), all[all.length / 2] / 1e6,
                all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)] / 1e6, errors.get(),
                reconnects.get());
    }

    /** A minimal HTTP/1.1 keep-alive client: the load generator must cost less than the server it measures. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The last response said Connection: close. */
        boolean closing;

        Connection(int port) throws IOException {
            this(port, "127.0.0.1");
        }

        /** A connection from the given loopback address. */
        Connection(int port, String source) throws IOException {
            socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        static Connection closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
            }
            return null;
        }
    }
}
