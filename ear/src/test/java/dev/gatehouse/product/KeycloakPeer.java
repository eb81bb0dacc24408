package dev.gatehouse.product;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keycloak in dev mode on loopback, with one confidential client for the client-credentials grant: the peer the
 * benchmark measures Gatehouse's token endpoint against ({@code -Dbench.peer=keycloak}).
 */
final class KeycloakPeer implements AutoCloseable {

    static final String CLIENT_ID = "bench";
    private static final String CLIENT_SECRET = "bench-client-secret";
    private static final String ADMIN_PASSWORD = "bench-admin-password";

    private final Process process;
    private final int port;
    private final Duration startup;

    private KeycloakPeer(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    static boolean wanted() {
        return "keycloak".equals(System.getProperty("bench.peer"));
    }

    static KeycloakPeer start() throws Exception {
        Path home = Path.of(System.getProperty("bench.keycloakHome"));
        int port = RunningProduct.freePort();
        Path log = home.getParent().resolve("keycloak-" + port + ".log");
        Instant launched = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--health-enabled=true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        KeycloakPeer peer = new KeycloakPeer(process, port, Duration.ZERO);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = launched.plus(Duration.ofMinutes(5));
        while (peer.status(http, "/realms/master") != 200) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("Keycloak did not start; see " + log);
            }
            Thread.sleep(500);
        }
        KeycloakPeer started = new KeycloakPeer(process, port, Duration.between(launched, Instant.now()));
        started.createClient(http);
        return started;
    }

    /** The newest JDK under /usr/lib/jvm unless bench.peer.java names one: Keycloak 26 needs Java 21 or later. */
    private static String javaHome() throws IOException {
        String named = System.getProperty("bench.peer.java");
        if (named != null) {
            return named;
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .max(Comparator.comparingInt(KeycloakPeer::feature))
                    .orElseThrow(() -> new IllegalStateException("No JDK under /usr/lib/jvm; set bench.peer.java"))
                    .toString();
        }
    }

    private static int feature(Path jdk) {
        String digits = jdk.getFileName().toString().replaceAll("^\\D*(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
    }

    int port() {
        return port;
    }

    Duration startup() {
        return startup;
    }

    String tokenPath() {
        return "/realms/master/protocol/openid-connect/token";
    }

    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
    }

    long residentBytes() {
        // kc.sh runs Keycloak's JVM as its child
        return process.descendants().mapToLong(child -> RunningProduct.residentBytes(child.pid())).max()
                .orElse(RunningProduct.residentBytes(process.pid()));
    }

    private int status(HttpClient http, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException notYet) {
            return -1;
        }
    }

    private void createClient(HttpClient http) throws Exception {
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + tokenPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject token = Json.createReader(new StringReader(admin.body())).readObject();
        String client = Json.createObjectBuilder().add("clientId", CLIENT_ID).add("secret", CLIENT_SECRET)
                .add("publicClient", false).add("serviceAccountsEnabled", true).add("standardFlowEnabled", false)
                .add("directAccessGrantsEnabled", false).build().toString();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/admin/realms/master/clients"))
                .header("Authorization", "Bearer " + token.getString("access_token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the client: " + created.statusCode() + " "
                    + created.body());
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
