package dev.gatehouse.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeClient.Answer;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are bounded before anyone is authenticated: each endpoint family has a limit that fits it, over
 * which it answers 413 without reading the rest, whether the body announces its length or comes in chunks.
 */
class RequestLimitsIT extends RuntimeAtRoot {

    /** Longer than any answer of a server that answers before reading the body takes; a hang fails the test. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    /** What came back on a raw connection: status, headers (lower-case names) and body. */
    private record Raw(int status, Map<String, String> headers, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    /**
     * Sends the request head announcing {@code announced} bytes of body, but only the first kilobyte of it, and reads
     * the answer: a server that waits for the whole body before answering never answers.
     */
    private Raw announce(String method, String path, String contentType, String authorization, long announced,
            byte[] start) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(base.getPort()).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(announced).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(start);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Raw read(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed before the answer's head: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String body;
        if (headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int b = in.read(); b != '\n'; b = in.read()) {
                    if (b != '\r') {
                        size.append((char) b);
                    }
                }
                int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
                if (length == 0) {
                    break;
                }
                chunks.write(in.readNBytes(length));
                in.readNBytes(2);
            }
            body = chunks.toString(StandardCharsets.UTF_8);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Raw(status, headers, body);
    }

    private String[] clientKeys() throws Exception {
        Developer owner = client.signUp();
        String id = client.send("POST", "developer/v1/applications", owner.basic(), "{\"name\":\"limits\"}").json()
                .getString("id");
        JsonObject keys = client.send("POST", "developer/v1/applications/" + id + "/keys/PRODUCTION", owner.basic(),
                null).json();
        return new String[] {keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value")};
    }

    private static byte[] form(String start, int length) {
        byte[] body = new byte[length];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] prefix = start.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        return body;
    }

    @Test
    void aFiveMegabyteFormToTheTokenEndpointIsRefusedUnread() throws Exception {
        String[] keys = clientKeys();

        Raw answer = announce("POST", "/oauth2/token", "application/x-www-form-urlencoded",
                RuntimeClient.clientBasic(keys[0], keys[1]), 5L * 1024 * 1024,
                form("grant_type=client_credentials&pad=", 1024));

        assertEquals(413, answer.status(), answer.body());
        assertEquals("invalid_request", answer.json().getString("error"), answer.body());
        assertTrue(answer.json().getString("error_description").contains("larger than"), answer.body());
        assertEquals("no-store", answer.headers().get("cache-control"));
    }

    @Test
    void aChunkedFormBeyondTheLimitIsCut() throws Exception {
        String[] keys = clientKeys();
        byte[] body = form("grant_type=client_credentials&pad=", 64 * 1024);

        // a body from a stream has no Content-Length: HTTP/1.1 sends it chunked
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve("/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", RuntimeClient.clientBasic(keys[0], keys[1]))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\":\"invalid_request\""), answer.body());
        // the same form within the limit gets its token
        Answer small = client.formRaw("oauth2/token", RuntimeClient.clientBasic(keys[0], keys[1]),
                "grant_type=client_credentials&pad=" + "a".repeat(1000));
        assertEquals(200, small.status(), small.body());
    }

    @Test
    void aLargeJsonBodyIsRefusedUnreadWithProblemDetails() throws Exception {
        byte[] start = "{\"username\":\"big\",\"displayName\":\"".getBytes(StandardCharsets.US_ASCII);

        Raw answer = announce("POST", "/developer/v1/signup", "application/json", null, 2L * 1024 * 1024, start);

        assertEquals(413, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.headers().get("content-type").split(";")[0]);
        assertEquals("content_too_large", answer.json().getString("reason"), answer.body());
        assertEquals(413, answer.json().getInt("status"));
        assertFalse(answer.json().getString("detail").isBlank());
    }

    @Test
    void anOpenApiImportMayBeAFewMegabytesButNotMore() throws Exception {
        // over the JSON APIs' limit, within the import's: read, and refused for what it says
        String padding = "x".repeat(2 * 1024 * 1024);
        Answer read = client.send("POST", "management/v1/apis", ADMIN, Json.createObjectBuilder()
                .add("document", "openapi: 3.0.3\n# " + padding + "\n").add("context", "big")
                .add("endpointType", "MOCK").add("planIds", Json.createArrayBuilder().add(BRONZE)).build().toString());
        assertEquals(400, read.status(), read.body());
        assertTrue(read.body().contains("larger than 2 MB"), read.body());

        Raw refused = announce("POST", "/management/v1/apis", "application/json", ADMIN, 12L * 1024 * 1024,
                "{\"document\":\"".getBytes(StandardCharsets.US_ASCII));

        assertEquals(413, refused.status(), refused.body());
        assertEquals("content_too_large", refused.json().getString("reason"), refused.body());
    }

    @Test
    void anImportedDocumentOfManyYamlAliasesIsABadRequest() throws Exception {
        // "billion laughs": nine levels of aliases, each nine of the one below
        StringBuilder document = new StringBuilder("openapi: 3.0.3\ninfo: {title: Laughs, version: '1'}\n")
                .append("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            document.append("x-l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
        }
        document.append("paths:\n  /x: {get: {responses: {'200': {description: ok}}}}\n");

        Answer refused = client.send("POST", "management/v1/apis", ADMIN, Json.createObjectBuilder()
                .add("document", document.toString()).add("context", "laughs").add("endpointType", "MOCK")
                .add("planIds", Json.createArrayBuilder().add(BRONZE)).build()
                .toString());

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("aliases"), refused.body());
    }
}
