package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Starting, stopping and restarting the product, refusing to start against a database it cannot use, and what its
 * configuration switches promise (README, Configuration).
 */
class ProductLifecycleIT {

    private final ProductHttp http = new ProductHttp();

    private static final Pattern APPLIED = Pattern.compile("GH-DB-100 Database \\S+ at schema version (\\S+) \\((\\d+) migration");

    @Test
    void dataSurvivesARestartAndTheSecondStartMigratesNothing() throws Exception {
        Path data;
        try (RunningProduct first = RunningProduct.start()) {
            data = first.dataDirectory();
            assertTrue(APPLIED.matcher(first.log()).results().anyMatch(m -> !m.group(2).equals("0")),
                    "the first start migrates the empty database");
        }

        try (RunningProduct second = RunningProduct.start(data)) {
            var starts = APPLIED.matcher(second.log()).results().toList();
            assertEquals(2, starts.size(), "both applications report the schema");
            assertTrue(starts.stream().allMatch(m -> m.group(2).equals("0")), "nothing left to apply on restart");
        }
    }

    @Test
    void aMigrationOfTheEmbeddedDatabaseIsPrecededByABackup() throws Exception {
        Path data = Path.of(System.getProperty("gatehouse.test.data"), UUID.randomUUID().toString());
        // the database as the version before the newest migration left it
        Flyway.configure().dataSource("jdbc:h2:file:" + data.toAbsolutePath().resolve("gatehouse")
                + ";DB_CLOSE_ON_EXIT=FALSE", "", "").locations("classpath:db/migration").target("6").load().migrate();

        try (RunningProduct product = RunningProduct.start(data)) {
            assertTrue(product.log().contains("GH-DB-101 Backed up the database to"), product.log());
            try (var files = Files.list(data)) {
                assertTrue(files.map(file -> file.getFileName().toString())
                        .anyMatch(name -> name.startsWith("gatehouse-before-V7-") && name.endsWith(".zip")),
                        "the backup lies beside the database");
            }
            assertTrue(APPLIED.matcher(product.log()).results().anyMatch(m -> !m.group(2).equals("0")),
                    "and the migration ran after it");
        }
    }

    @Test
    void withSignupAndSamplesOffTheCatalogStartsEmptyAndNobodySignsUp() throws Exception {
        try (RunningProduct product = RunningProduct.start(Map.of("GATEHOUSE_SIGNUP_ENABLED", "false",
                "GATEHOUSE_DEMO_DATA", "false"))) {
            var catalog = http.send("GET", product.uri("developer/v1/apis"), null, null);
            var signup = http.send("POST", product.uri("developer/v1/signup"), null, "{\"username\":\"closed\","
                    + "\"email\":\"closed@example.com\",\"displayName\":\"Closed\",\"password\":\"a closed door\"}");

            assertEquals(200, catalog.status(), catalog.body());
            assertEquals(0, catalog.json().getJsonArray("items").size(), "no sample APIs: " + catalog.body());
            assertEquals(403, signup.status(), signup.body());
            assertTrue(signup.json().getString("detail").contains("ask an administrator"), signup.body());
        }
    }

    @Test
    void theAccessLogNamesEveryCallAndNeverItsToken() throws Exception {
        try (RunningProduct product = RunningProduct.start(Map.of("GATEHOUSE_GATEWAY_ACCESS_LOG", "all"))) {
            String token = BenchClient.token(product, BenchClient.clientBasic(BenchClient.subscribedClient(product)));

            assertEquals(200, http.send("GET", product.uri("api/pizzashack/1.0.0/menu"), ProductHttp.bearer(token),
                    null).status());
            assertEquals(404, http.send("GET", product.uri("api/pizzashack/1.0.0/no-such-operation"),
                    ProductHttp.bearer(token), null).status());

            String log = awaitLine(product, "reason=operation_not_found");
            assertTrue(log.lines().anyMatch(line -> line.contains("GH-GW-200 GET pizzashack/1.0.0 application=")
                    && line.contains("status=200")), "a served call has its line:\n" + log);
            // not the token, nor its signature alone (which a log line cut short could still carry)
            assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "the token is in the log");
        }
    }

    @Test
    void aTakenPortStopsTheServerInsteadOfLeavingItHanging() throws Exception {
        Path data = Path.of(System.getProperty("gatehouse.test.data"), UUID.randomUUID().toString());
        try (ServerSocket someoneElse = new ServerSocket(0)) {
            RunningProduct product = RunningProduct.launch(data, someoneElse.getLocalPort(), Map.of());

            product.awaitExit(Duration.ofSeconds(120));

            // Payara Micro's own words: the port is bound before Gatehouse is deployed, so no GH- line can come
            assertTrue(product.log().contains("Address already in use"), product.log());
        }
    }

    @Test
    void theRunCommandRefusesATakenPortInOneLineBeforeItBuilds() throws Exception {
        try (ServerSocket someoneElse = new ServerSocket(0)) {
            int port = someoneElse.getLocalPort();

            RunCommand taken = RunCommand.validate(port);

            assertEquals(1, taken.exit(), taken.output());
            assertTrue(taken.output().contains("GH-RUN-001 Port " + port + " is already in use."), taken.output());
        }
        RunCommand free = RunCommand.validate(RunningProduct.freePort());
        assertEquals(0, free.exit(), "a free port passes the check:\n" + free.output());
    }

    /** The README's run command up to its port check: the root project's validate phase, nothing built. */
    private record RunCommand(int exit, String output) {

        static RunCommand validate(int port) throws IOException, InterruptedException {
            Path root = Path.of(System.getProperty("gatehouse.projectRoot"));
            List<String> command = List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                    "-B", "-N", "-Prun", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                    "-Dgatehouse.port=" + port, "validate");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().remove("GATEHOUSE_PORT");
            Process maven = builder.start();
            try (InputStream out = maven.getInputStream()) {
                String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                if (!maven.waitFor(120, TimeUnit.SECONDS)) {
                    maven.destroyForcibly();
                }
                return new RunCommand(maven.exitValue(), output);
            }
        }
    }

    @Test
    void signingKeysRotateByThemselvesWithoutRefusingAToken() throws Exception {
        // the schedule's own step, each minute: no administrator rotates here
        try (RunningProduct product = RunningProduct.start(Map.of("GATEHOUSE_KEYS_ROTATION_PERIOD", "PT1M",
                "GATEHOUSE_KEYS_PUBLICATION_DELAY", "PT10S", "GATEHOUSE_TOKENS_MAX_LIFETIME", "PT1M"))) {
            String basic = BenchClient.clientBasic(BenchClient.subscribedClient(product));
            String first = kid(BenchClient.token(product, basic));
            assertTrue(publishedKids(product).contains(first), "the signing key is published");

            Set<String> both = awaitKids(product, kids -> kids.size() == 2 && kids.contains(first));
            String next = both.stream().filter(kid -> !kid.equals(first)).findFirst().orElseThrow();

            String token = BenchClient.token(product, basic);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!kid(token).equals(next) && Instant.now().isBefore(deadline)) {
                assertEquals(200, callTheApi(product, token), "a token of the key still signing");
                Thread.sleep(1000);
                token = BenchClient.token(product, basic);
            }
            assertEquals(next, kid(token), "the published key signs after its publication delay");
            assertEquals(200, callTheApi(product, token), "its token is valid at once");

            // retired, then disabled once the last token it signed has expired (the maximum lifetime)
            awaitKids(product, kids -> !kids.contains(first));
            assertEquals(200, callTheApi(product, BenchClient.token(product, basic)));
            assertTrue(product.log().contains("GH-KEY-010 Published signing key " + next), product.log());
        }
    }

    private int callTheApi(RunningProduct product, String token) throws Exception {
        return http.send("GET", product.uri("api/pizzashack/1.0.0/menu"), ProductHttp.bearer(token), null).status();
    }

    private static String kid(String token) {
        byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        return Json.createReader(new ByteArrayInputStream(header)).readObject().getString("kid");
    }

    private Set<String> publishedKids(RunningProduct product) throws Exception {
        var jwks = http.send("GET", product.uri("oauth2/jwks"), null, null);
        assertEquals(200, jwks.status(), jwks.body());
        return jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("kid")).collect(Collectors.toSet());
    }

    private Set<String> awaitKids(RunningProduct product, Predicate<Set<String>> wanted)
            throws Exception {
        // the schedule steps once a minute: a rotation and a retirement each take one or two steps
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        Set<String> kids = publishedKids(product);
        while (!wanted.test(kids) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            kids = publishedKids(product);
        }
        assertTrue(wanted.test(kids), "the key set after 4 minutes: " + kids);
        return kids;
    }

    private static String awaitLine(RunningProduct product, String text) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        String log = product.log();
        while (!log.contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            log = product.log();
        }
        assertTrue(log.contains(text), "no line with " + text + ":\n" + log);
        return log;
    }

    @Test
    void stopsCleanlyOnSigterm() throws Exception {
        RunningProduct product = RunningProduct.start();

        product.close();

        assertFalse(product.isRunning());
        // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (Payara's orderly stop); a kill would be 137.
        // Payara's own "STOPPED" line races the logging system's shutdown, so it is no evidence either way.
        assertEquals(143, product.exitCode(), "an orderly shutdown, not a kill");
    }

    @Test
    void anUnreachableDatabaseStopsTheProductWithOneClearLine() throws Exception {
        Path data = Path.of(System.getProperty("gatehouse.test.data"), UUID.randomUUID().toString());
        RunningProduct product = RunningProduct.launch(data,
                Map.of("GATEHOUSE_DB_URL", "jdbc:postgresql://127.0.0.1:1/gatehouse"));

        int exit = product.awaitExit(Duration.ofSeconds(150));

        assertEquals(3, exit);
        String log = product.log();
        assertTrue(log.lines().anyMatch(line -> line.startsWith("GH-DB-001 Cannot use the database at"
                + " jdbc:postgresql://127.0.0.1:1/gatehouse") && line.contains("GATEHOUSE_DB_URL")), log);
        assertFalse(log.lines().anyMatch(line -> line.strip().startsWith("at ")), "no stack trace:\n" + log);
    }
}
