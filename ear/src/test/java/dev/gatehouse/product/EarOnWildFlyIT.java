package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on a stock WildFly 39 ({@code standalone.xml}), prepared with the shipped {@code gatehouse.cli} and
 * deployed by dropping it into {@code standalone/deployments}, as an operator would (README), on PostgreSQL (the
 * driver is the one inside the EAR); then the seed's flow in the browser and over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnWildFlyIT {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private static EmbeddedPostgres postgres;
    private static Process server;
    private static URI base;
    private static URI management;
    private static Path log;
    private final ProductHttp http = new ProductHttp();

    @BeforeAll
    static void startWildFly() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path standalone = home.resolve("standalone");
        freshServer(standalone);
        run(home, List.of("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + System.getProperty("wildfly.cli")));
        Files.copy(Path.of(System.getProperty("gatehouse.archive")), standalone.resolve("deployments/gatehouse.ear"));

        int offset = freeOffset();
        base = URI.create("http://localhost:" + (8080 + offset) + "/");
        management = URI.create("http://localhost:" + (9990 + offset) + "/");
        log = Path.of(System.getProperty("gatehouse.archive")).resolveSibling("e2e-logs/wildfly.log");
        Files.createDirectories(log.getParent());
        server = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(), "-c", "standalone.xml",
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Dgatehouse.oauth.issuer=" + base.toString().replaceAll("/$", ""),
                "-Dgatehouse.db.url=" + postgresUrl(), "-Dgatehouse.db.user=postgres",
                "-Dgatehouse.db.password=postgres")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitDeployed();
    }

    private static String postgresUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The unpacked server is reused between builds: start each run from its pristine configuration and no data. */
    private static void freshServer(Path standalone) throws IOException {
        Path configuration = standalone.resolve("configuration/standalone.xml");
        Path pristine = standalone.resolve("configuration/standalone.xml.pristine");
        if (!Files.exists(pristine)) {
            Files.copy(configuration, pristine);
        }
        Files.copy(pristine, configuration, StandardCopyOption.REPLACE_EXISTING);
        for (String directory : List.of("data", "tmp", "log", "configuration/standalone_xml_history")) {
            delete(standalone.resolve(directory));
        }
        try (var deployments = Files.list(standalone.resolve("deployments"))) {
            for (Path file : deployments.filter(f -> f.getFileName().toString().startsWith("gatehouse.ear")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void run(Path home, List<String> command) throws Exception {
        Path output = Files.createTempFile("jboss-cli", ".log");
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(output));
        }
    }

    /** An offset that moves HTTP (8080) and management (9990) onto free ports. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (free(8080 + offset) && free(9990 + offset) && free(8443 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitDeployed() throws Exception {
        ProductHttp probe = new ProductHttp();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("WildFly exited; log " + log + ":\n" + tail());
            }
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("WFLYSRV0026") || text.contains("WFLYSRV0025")) { // started (with errors) / started
                try {
                    var catalog = probe.send("GET", base.resolve("developer/v1/apis"), null, null);
                    if (catalog.status() == 200) {
                        return;
                    }
                    last = "catalog " + catalog.status();
                } catch (IOException e) {
                    last = e.toString();
                }
                if (text.contains("WFLYSRV0026")) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("gatehouse.ear did not come up on WildFly (" + last + "); log " + log + ":\n" + tail());
    }

    private static String tail() throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 8000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPersonAuthorizesAnApplicationInTheBrowserAndItsTokenIsServed() throws Exception {
        CodeFlowInBrowser.walkOn(base::resolve);
    }

    @Test
    void theSeedsFlowWorksInTheBrowser() throws Exception {
        SeedInBrowser.walkOn(base::resolve, "wildfly");
    }

    @Test
    void aTokenCallsTheSampleApiThroughTheGatewayAndNoTokenIsRefused() throws Exception {
        String username = "wildfly-" + UUID.randomUUID().toString().substring(0, 8);
        http.signUp(base, username, "WildFly", "a wildfly password");
        String developer = ProductHttp.basic(username, "a wildfly password");
        String application = http.expect(201, "POST", base.resolve("developer/v1/applications"), developer,
                "{\"name\":\"On WildFly\"}").getString("id");
        String pizzaShack = http.expect(200, "GET", base.resolve("developer/v1/apis?search=pizzashack"), null, null)
                .getJsonArray("items").getJsonObject(0).getString("id");
        http.expect(201, "POST", base.resolve("developer/v1/applications/" + application + "/subscriptions"),
                developer, "{\"apiId\":\"" + pizzaShack + "\",\"planId\":\"6b0c7a0e-0f3a-4c2e-9a51-000000000001\"}");
        JsonObject keys = http.expect(201, "POST", base.resolve("developer/v1/applications/" + application
                + "/keys/PRODUCTION"), developer, null);
        String token = http.token(base, keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value"));

        var menu = http.send("GET", base.resolve("api/pizzashack/1.0.0/menu"), ProductHttp.bearer(token), null);
        assertEquals(200, menu.status(), menu.body());
        assertTrue(menu.body().contains("Margherita"), menu.body());

        var missing = http.send("GET", base.resolve("api/pizzashack/1.0.0/menu"), null, null);
        assertEquals(401, missing.status(), missing.body());
        assertTrue(missing.response().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        var tampered = http.send("GET", base.resolve("api/pizzashack/1.0.0/menu"),
                ProductHttp.bearer(token.substring(0, token.length() - 4) + "AAAA"), null);
        assertEquals(401, tampered.status(), tampered.body());
        assertTrue(tampered.response().headers().firstValue("WWW-Authenticate").orElse("")
                .contains("error=\"invalid_token\""), tampered.body());
    }

    @Test
    void theEarRunsOnPostgresqlWithTheDriverItCarries() throws Exception {
        assertTrue(Files.readString(log).contains("GH-DB-100 Database " + postgresUrl()),
                "the product says it migrated PostgreSQL; log " + log + ":\n" + tail());
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet plans = statement.executeQuery("SELECT COUNT(*) FROM plans")) {
            plans.next();
            assertTrue(plans.getInt(1) >= 4, "the schema and its seed are in PostgreSQL");
        }
    }

    /**
     * Last: the README's recovery. The EAR is deployed again while PostgreSQL is down; the deployment fails (it does
     * not hang), and once the database is back, touching the EAR deploys it, without restarting WildFly.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aDeploymentThatFailedForWantOfItsDatabaseSucceedsOnceItIsBack() throws Exception {
        Path deployments = Path.of(System.getProperty("wildfly.home")).resolve("standalone/deployments");
        Path ear = deployments.resolve("gatehouse.ear");
        Files.delete(ear);
        awaitMarker(deployments.resolve("gatehouse.ear.undeployed"));
        int port = postgres.getPort();
        postgres.close();

        Files.copy(Path.of(System.getProperty("gatehouse.archive")), ear, StandardCopyOption.REPLACE_EXISTING);
        Path failed = deployments.resolve("gatehouse.ear.failed");
        awaitMarker(failed);
        assertEquals(503, http.send("GET", management.resolve("health/ready"), null, null).status(),
                "not ready without its deployment");

        postgres = EmbeddedPostgres.builder().setPort(port).start();
        Files.setLastModifiedTime(ear, FileTime.from(Instant.now()));
        awaitMarker(deployments.resolve("gatehouse.ear.deployed"));
        assertEquals(200, http.send("GET", base.resolve("developer/v1/apis"), null, null).status());
        var ready = http.send("GET", management.resolve("health/ready"), null, null);
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertEquals(200, ready.status(), ready.body());
    }

    /** The deployment scanner's marker for the outcome; a deployment that never ends is a failure of its own. */
    private static void awaitMarker(Path marker) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (!Files.exists(marker)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + marker.getFileName() + " within " + STARTUP_LIMIT + "; log " + log
                        + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    @Test
    void theServerReportsItselfReady() throws Exception {
        var ready = http.send("GET", management.resolve("health/ready"), null, null);
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("gatehouse.ear"), ready.body());
        // Gatehouse's own readiness checks, as on Payara: the key manager's and the API runtime's
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("\"portal\""), ready.body());
    }
}
