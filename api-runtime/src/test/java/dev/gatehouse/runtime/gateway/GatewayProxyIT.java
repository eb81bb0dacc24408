package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.testing.BuiltArchive;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway in front of a real backend on loopback: what is forwarded and what is not, the environments' two
 * endpoints, timeouts and refused connections, 50 MB bodies streamed both ways, backends on addresses that are not
 * public, and backends' cookies. The Arquillian configuration gives the server a read timeout of 2 s and allows the
 * backend address 127.0.0.1 only.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayProxyIT {

    @ArquillianResource
    private URL base;

    private RuntimeClient client;
    private GatewayFixture fixture;
    private LoopbackBackend backend;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return BuiltArchive.atRoot().addClass(StoredBackend.class);
    }

    @BeforeEach
    void start() throws Exception {
        client = new RuntimeClient(base.toURI());
        fixture = new GatewayFixture(client);
        backend = new LoopbackBackend();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private static String path(JsonObject api, String operation) {
        return "api/" + api.getString("context") + "/" + api.getString("version") + operation;
    }

    private String productionToken(JsonObject api) throws Exception {
        return fixture.token(fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION"), null);
    }

    @Test
    void theRequestReachesTheProductionBackendWithoutTheCallersToken() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE));
        String token = productionToken(api);

        Answer answer = client.send("POST", path(api, "/echo/a%20b?x=1&y=two"), "Bearer " + token, "{\"hello\":1}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("loopback", answer.header("X-Backend"));
        assertEquals("1000", answer.header("RateLimit-Limit"));
        JsonObject seen = answer.json();
        assertEquals("POST", seen.getString("method"));
        assertEquals("/prod/echo/a%20b", seen.getString("path"));
        assertEquals("x=1&y=two", seen.getString("query"));
        assertEquals("null", seen.getString("authorization"));
        assertEquals(11, seen.getInt("length"));
        assertTrue(seen.getString("forwardedFor").matches("[0-9a-f.:]+"), seen.toString());
        assertEquals("http", seen.getString("forwardedProto"));
        assertEquals(base.getHost() + ":" + base.getPort(), seen.getString("forwardedHost"));
    }

    @Test
    void theCatalogNamesTheGatewayNeverTheBackend() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE), true);
        String id = api.getString("id");
        Answer anonymous = client.send("GET", "developer/v1/apis/" + id, null, null);
        Answer developer = client.send("GET", "developer/v1/apis/" + id, client.signUp().basic(), null);
        Answer listed = client.send("GET", "developer/v1/apis?search=" + api.getString("context"), null, null);

        for (Answer answer : List.of(anonymous, developer, listed)) {
            assertEquals(200, answer.status(), answer.body());
            assertFalse(answer.body().contains(backend.baseUrl("/prod")), answer.body());
            assertFalse(answer.body().contains(backend.baseUrl("/sandbox")), answer.body());
            assertFalse(answer.body().contains("\"forwardToken\":true"), answer.body());
        }
        JsonObject managed = client.send("GET", "management/v1/apis", GatewayFixture.ADMIN, null).array()
                .getValuesAs(JsonObject.class).stream().filter(each -> each.getString("id").equals(id)).findFirst()
                .orElseThrow();
        assertEquals(backend.baseUrl("/prod"), managed.getString("productionUrl"), "its publisher sees it");
        assertTrue(managed.getBoolean("forwardToken"));
    }

    @Test
    void anApiThatAsksForTheTokenGetsIt() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE), true);
        String token = productionToken(api);

        Answer answer = client.send("GET", path(api, "/echo/token"), "Bearer " + token, null);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("Bearer " + token, answer.json().getString("authorization"));
    }

    @Test
    void aSandboxTokenReachesTheSandboxBackend() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE));
        String token = fixture.token(fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "SANDBOX"), null);

        Answer answer = client.send("GET", path(api, "/echo/where"), "Bearer " + token, null);

        assertEquals(200, answer.status(), answer.body());
        assertEquals("/sandbox/echo/where", answer.json().getString("path"));
    }

    @Test
    void aSlowBackendIsAGatewayTimeoutAndARefusedOneABadGateway() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        JsonObject slow = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE));
        JsonObject gone = fixture.publish("http://127.0.0.1:" + closed, "http://127.0.0.1:" + closed,
                List.of(GatewayFixture.BRONZE));

        Answer timeout = client.send("GET", path(slow, "/slow"), "Bearer " + productionToken(slow), null);
        Answer refused = client.send("GET", path(gone, "/echo/x"), "Bearer " + productionToken(gone), null);

        assertEquals(504, timeout.status(), timeout.body());
        assertEquals("backend_timeout", timeout.json().getString("reason"));
        assertEquals(502, refused.status(), refused.body());
        assertEquals("backend_unreachable", refused.json().getString("reason"));
    }

    @Test
    void aBackendThatAnswersSomethingOtherThanHttpIsABadGatewayWithoutDetail() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread answering = new Thread(() -> {
                while (!garbage.isClosed()) {
                    try (Socket connection = garbage.accept()) {
                        connection.getOutputStream()
                                .write("SSH-2.0-not-http\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            answering.setDaemon(true);
            answering.start();
            String url = "http://127.0.0.1:" + garbage.getLocalPort();
            JsonObject api = fixture.publish(url, url, List.of(GatewayFixture.BRONZE));

            Answer failed = client.send("GET", path(api, "/echo/x"), "Bearer " + productionToken(api), null);

            assertEquals(502, failed.status(), failed.body());
            assertEquals("backend_failed", failed.json().getString("reason"));
            assertFalse(failed.body().contains("at java."), "no stack trace: " + failed.body());
        }
    }

    @Test
    void fiftyMegabytesStreamUpAndDown() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE));
        String token = productionToken(api);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI gateway = base.toURI().resolve("/");
        long size = LoopbackBackend.DOWNLOAD_BYTES;

        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(gateway.resolve(path(api, "/echo/upload")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> LoopbackBackend.Generated.stream(size)), size))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(gateway.resolve(path(api, "/download")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, upload.statusCode(), upload.body());
        JsonObject seen = Json.createReader(new StringReader(upload.body())).readObject();
        String expected = LoopbackBackend.Generated.sha256(size);
        assertEquals(size, seen.getJsonNumber("length").longValue());
        assertEquals(expected, seen.getString("sha256"));
        assertEquals(200, download.statusCode());
        // streamed, not buffered whole: no length known before the body ends
        assertNotEquals(String.valueOf(size), download.headers().firstValue("Content-Length").orElse(""));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; received += read) {
                sha.update(buffer, 0, read);
            }
        }
        assertEquals(size, received);
        assertEquals(expected, HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void anApiChangedInPlaceIsServedAsChangedWithinASecond() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        String token = productionToken(api);
        Answer mock = client.send("GET", path(api, "/echo/x"), "Bearer " + token, null);
        assertEquals("true", mock.header("X-Gatehouse-Mock"));
        String change = Json.createObjectBuilder().add("endpointType", "HTTP")
                .add("productionUrl", backend.baseUrl("/prod")).add("sandboxUrl", backend.baseUrl("/sandbox"))
                .add("planIds", Json.createArrayBuilder().add(GatewayFixture.BRONZE)).build().toString();

        Answer refused = client.send("PUT", "management/v1/apis/" + api.getString("id"),
                client.signUp().basic(), change);
        Answer invalid = client.send("PUT", "management/v1/apis/" + api.getString("id"), GatewayFixture.ADMIN,
                change.replace(backend.baseUrl("/prod"), "not a url"));
        Answer updated = client.send("PUT", "management/v1/apis/" + api.getString("id"), GatewayFixture.ADMIN, change);

        assertEquals(403, refused.status(), refused.body());
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals(200, updated.status(), updated.body());
        assertEquals("HTTP", updated.json().getString("endpointType"));
        Instant deadline = Instant.now().plusSeconds(1);
        Answer proxied = client.send("GET", path(api, "/echo/x"), "Bearer " + token, null);
        while (!"loopback".equals(proxied.header("X-Backend")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            proxied = client.send("GET", path(api, "/echo/x"), "Bearer " + token, null);
        }
        assertEquals("loopback", proxied.header("X-Backend"), proxied.body());
        assertEquals("/prod/echo/x", proxied.json().getString("path"));
    }

    @Test
    void aBackendOnAnAddressThatIsNotPublicIsRefusedWhenImportedOrChanged() throws Exception {
        JsonObject mock = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        String metadata = "http://169.254.169.254/latest/meta-data/";
        String imported = Json.createObjectBuilder().add("document", GatewayFixture.ITEMS_API)
                .add("context", "metadata-" + System.nanoTime()).add("endpointType", "HTTP")
                .add("productionUrl", metadata).add("sandboxUrl", metadata)
                .add("planIds", Json.createArrayBuilder().add(GatewayFixture.BRONZE)).build().toString();
        String changed = Json.createObjectBuilder().add("endpointType", "HTTP")
                .add("productionUrl", backend.baseUrl("/prod")).add("sandboxUrl", "http://localhost:8080/management")
                .add("planIds", Json.createArrayBuilder().add(GatewayFixture.BRONZE)).build().toString();

        Answer importAnswer = client.send("POST", "management/v1/apis", GatewayFixture.ADMIN, imported);
        Answer updateAnswer = client.send("PUT", "management/v1/apis/" + mock.getString("id"), GatewayFixture.ADMIN,
                changed);

        assertEquals(400, importAnswer.status(), importAnswer.body());
        assertEquals("backend_forbidden", importAnswer.json().getString("reason"));
        assertTrue(importAnswer.json().getString("detail").contains("169.254.169.254"), importAnswer.body());
        assertEquals(400, updateAnswer.status(), updateAnswer.body());
        assertEquals("backend_forbidden", updateAnswer.json().getString("reason"));
        assertTrue(updateAnswer.json().getString("detail").startsWith("sandboxUrl"), updateAnswer.body());
    }

    @Test
    void aStoredBackendOnAnAddressNotAllowedIsRefusedBeforeAnyConnection() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE));
        String token = productionToken(api);
        // loopback, but not the one address the configuration allows
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.2"))) {
            AtomicInteger connections = new AtomicInteger();
            Thread accepting = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            accepting.start();
            String internal = "http://127.0.0.2:" + listener.getLocalPort() + "/admin";
            Answer stored = client.send("PUT", "_test/stored-backend/" + api.getString("id"), null,
                    Json.createObjectBuilder().add("productionUrl", internal).add("sandboxUrl", internal).build()
                            .toString());
            assertEquals(204, stored.status(), stored.body());

            Instant deadline = Instant.now().plusSeconds(1);
            Answer answer = client.send("GET", path(api, "/echo/x"), "Bearer " + token, null);
            while ("loopback".equals(answer.header("X-Backend")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                answer = client.send("GET", path(api, "/echo/x"), "Bearer " + token, null);
            }

            assertEquals(502, answer.status(), answer.body());
            assertEquals("backend_forbidden", answer.json().getString("reason"));
            assertEquals(0, connections.get());
        }
    }

    @Test
    void aBackendsCookiesStayOnTheApisPath() throws Exception {
        JsonObject api = fixture.publish(backend.baseUrl("/prod"), backend.baseUrl("/sandbox"),
                List.of(GatewayFixture.BRONZE));

        Answer answer = client.send("GET", path(api, "/echo/cookies"), "Bearer " + productionToken(api), null);

        String apiPath = "/api/" + api.getString("context") + "/" + api.getString("version");
        assertEquals(204, answer.status(), answer.body());
        assertEquals(List.of("JSESSIONID=evil; HttpOnly; Path=" + apiPath,
                        "theme=dark; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Path=" + apiPath),
                answer.response().headers().allValues("Set-Cookie"));
        assertEquals(List.of(), answer.response().headers().allValues("Set-Cookie2"));
    }
}
