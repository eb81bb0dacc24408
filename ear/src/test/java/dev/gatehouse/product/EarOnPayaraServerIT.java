package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR, unchanged, on a full Payara Server: a fresh domain under target/ on free ports, deployed with
 * asadmin as an operator would, then used over HTTP.
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "gatehouse-it";
    private static Path serverHome;
    private static Path domains;
    private static int adminPort;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ProductHttp http = new ProductHttp();

    @BeforeAll
    static void deploy() throws Exception {
        serverHome = Path.of(System.getProperty("payara.serverHome"));
        Path target = Path.of(System.getProperty("gatehouse.archive")).getParent();
        domains = target.resolve("payara-domains");
        int portBase = freePortBase();
        adminPort = portBase + 48;
        base = URI.create("http://localhost:" + (portBase + 80) + "/");
        forgetEarlierDomain();
        asadmin("create-domain", "--nopassword", "--portbase", Integer.toString(portBase), "--domaindir",
                domains.toString(), DOMAIN);
        asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
        // the issuer names the server's public URL; MicroProfile JWT fetches the JWKS under it (README)
        asadmin("--port", Integer.toString(adminPort), "create-system-properties",
                "gatehouse.oauth.issuer=" + base.toString().replaceAll("/$", "").replace(":", "\\:"));
        asadmin("--port", Integer.toString(adminPort), "deploy", "--name", "gatehouse",
                System.getProperty("gatehouse.archive"));
    }

    /** A domain left by an earlier, interrupted run: stop it if it still runs, then start afresh. */
    private static void forgetEarlierDomain() throws Exception {
        Path earlier = domains.resolve(DOMAIN);
        if (!Files.exists(earlier)) {
            return;
        }
        try {
            asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (AssertionError notRunning) {
            // nothing to stop
        }
        try (var files = Files.walk(domains)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (domains != null) {
            asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }
    }

    @Test
    void theEarIsReadyWithItsDatabaseMigrated() throws Exception {
        HttpResponse<String> ready = awaitReady();

        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
        // one of each in the EAR: the checks live in its lib/, seen by both WARs and the EJB module
        assertEquals(1, ready.body().split("\"name\":\"database\"", -1).length - 1, ready.body());
        assertEquals(1, ready.body().split("\"name\":\"portal\"", -1).length - 1, ready.body());
    }

    @Test
    void aPersonAuthorizesAnApplicationInTheBrowserAndItsTokenIsServed() throws Exception {
        CodeFlowInBrowser.walkOn(base::resolve);
    }

    @Test
    void theSeedsFlowWorksInTheBrowser() throws Exception {
        awaitReady();
        SeedInBrowser.walkOn(base::resolve, "payara-server");
    }

    @Test
    void thePortalIsServed() throws Exception {
        awaitReady();

        var portal = get("devportal/", null);

        assertEquals(200, portal.statusCode());
        assertTrue(portal.body().contains("<title>Catalog · Gatehouse</title>"), portal.body());
    }

    @Test
    void aTokenCallsTheSampleApiThroughTheGatewayAsOnPayaraMicro() throws Exception {
        awaitReady();
        String username = "ear-" + UUID.randomUUID().toString().substring(0, 8);
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":a long password").getBytes(StandardCharsets.UTF_8));
        http.signUp(base, username, "EAR", "a long password");
        String app = id(post("developer/v1/applications", basic, "application/json", "{\"name\":\"Gateway on Payara Server\"}").body());
        String api = id(get("developer/v1/apis?search=pizzashack", null).body());
        var subscribed = post("developer/v1/applications/" + app + "/subscriptions", basic, "application/json",
                "{\"apiId\":\"" + api + "\",\"planId\":\"6b0c7a0e-0f3a-4c2e-9a51-000000000001\"}");
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        String keys = post("developer/v1/applications/" + app + "/keys/PRODUCTION", basic, "application/json", "").body();
        String clientId = keys.replaceAll("(?s).*\"clientId\":\"([^\"]+)\".*", "$1");
        String secret = keys.replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");
        String token = post("oauth2/token", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8)), "application/x-www-form-urlencoded", "grant_type=client_credentials")
                .body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");

        var menu = get("api/pizzashack/1.0.0/menu", "Bearer " + token);
        var tampered = get("api/pizzashack/1.0.0/menu", "Bearer " + token.substring(0, token.length() - 4) + "AAAA");

        assertEquals(200, menu.statusCode(), menu.body());
        assertTrue(menu.body().contains("Margherita"), menu.body());
        assertEquals(401, tampered.statusCode(), tampered.body());
        assertTrue(tampered.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                tampered.headers().map().toString());
    }

    /** The first "id" member of a JSON answer. */
    private static String id(String json) {
        return json.replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");
    }

    @Test
    void aDeveloperGetsKeysAndATokenAsOnPayaraMicro() throws Exception {
        awaitReady();
        String username = "ear-" + UUID.randomUUID().toString().substring(0, 8);
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":a long password").getBytes(StandardCharsets.UTF_8));

        http.signUp(base, username, "EAR", "a long password"); // 201, or it fails here
        String app = post("developer/v1/applications", basic, "application/json", "{\"name\":\"On Payara Server\"}").body()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String keys = post("developer/v1/applications/" + app + "/keys/SANDBOX", basic, "application/json", "").body();
        String clientId = keys.replaceAll("(?s).*\"clientId\":\"([^\"]+)\".*", "$1");
        String secret = keys.replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");

        var token = post("oauth2/token", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8)), "application/x-www-form-urlencoded", "grant_type=client_credentials");

        assertEquals(200, token.statusCode(), token.body());
        assertTrue(token.body().contains("\"token_type\":\"Bearer\""), token.body());
    }

    private static HttpResponse<String> awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get("health/ready", null);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(500);
        }
        return last;
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String authorization, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs asadmin with the product's environment; a failure shows its output and the server log's tail. */
    private static void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(serverHome.resolve("bin").resolve("asadmin").toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("asadmin", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        builder.environment().put("GATEHOUSE_DATA", domains.resolve("data").toString());
        builder.environment().put("GATEHOUSE_OAUTH_ISSUER", base.toString().replaceAll("/$", ""));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " did not finish: " + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            Path log = domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
            String serverLog = Files.exists(log) ? Files.readString(log) : "";
            throw new AssertionError("asadmin " + String.join(" ", arguments) + " failed: " + Files.readString(output)
                    + "\nserver.log:\n" + serverLog.substring(Math.max(0, serverLog.length() - 6000)));
        }
    }

    /** A base with the ports the domain uses (base+0 to base+99) free. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int portBase = 20_000 + 100 * (int) (Math.random() * 300);
            if (allFree(portBase)) {
                return portBase;
            }
        }
        throw new IllegalStateException("No free port range for Payara Server");
    }

    private static boolean allFree(int portBase) {
        for (int offset : new int[] {9, 37, 38, 39, 48, 66, 76, 80, 81, 86}) {
            try (ServerSocket socket = new ServerSocket(portBase + offset)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
