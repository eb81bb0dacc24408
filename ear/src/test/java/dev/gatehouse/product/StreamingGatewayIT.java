package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway streams request and response bodies: a server whose heap is a third of a body's size passes that body
 * whole, up to a backend and down from it. Buffered anywhere on the way, the body could not fit.
 */
class StreamingGatewayIT {

    private static final String HEAP = "320m";
    private static final long SIZE = 1L << 30;
    private static final String UNLIMITED_PLAN = "6b0c7a0e-0f3a-4c2e-9a51-000000000004";
    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: Bulk, version: 1.0.0}
            paths:
              /upload:
                post:
                  responses:
                    '200': {description: what the backend received}
              /download:
                get:
                  responses:
                    '200': {description: the bytes}
            """;

    @Test
    void aBodyThreeTimesTheServersHeapPassesBothWays() throws Exception {
        try (Backend backend = new Backend();
                RunningProduct product = RunningProduct.start(
                        Map.of("GATEHOUSE_GATEWAY_ALLOWED_BACKENDS", "127.0.0.1"), HEAP)) {
            String admin = Administrator.basic(Administrator.USERNAME, Administrator.password(product));
            var api = Administrator.send(product, "POST", "management/v1/apis", admin, Json.createObjectBuilder()
                    .add("document", DOCUMENT).add("context", "bulk").add("endpointType", "HTTP")
                    .add("productionUrl", backend.url()).add("sandboxUrl", backend.url())
                    .add("planIds", Json.createArrayBuilder().add(UNLIMITED_PLAN)).build().toString());
            assertEquals(201, api.statusCode(), api.body());
            String id = Json.createReader(new StringReader(api.body())).readObject().getString("id");
            var published = Administrator.send(product, "POST", "management/v1/apis/" + id + "/lifecycle", admin,
                    "{\"lifecycle\":\"PUBLISHED\"}");
            assertEquals(200, published.statusCode(), published.body());
            String token = BenchClient.token(product, BenchClient.clientBasic(
                    BenchClient.subscribedClient(product, "bulk")));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(product.uri("api/bulk/1.0.0/upload"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new Sequence(SIZE)), SIZE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(
                    product.uri("api/bulk/1.0.0/download")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());

            assertEquals(200, upload.statusCode(), upload.body());
            assertEquals("{\"length\":" + SIZE + ",\"intact\":true}", upload.body());
            assertEquals(200, download.statusCode());
            long[] received;
            try (InputStream body = download.body()) {
                received = Sequence.check(body);
            }
            assertEquals(SIZE, received[0], "the whole body came down");
            assertEquals(0, received[1], "and intact");
            assertEquals(200, Administrator.send(product, "GET", "health/live", null, null).statusCode());
            assertFalse(product.log().contains("OutOfMemoryError"), product.log());
            double maxHeap = maxHeap(product);
            assertTrue(maxHeap > 0 && maxHeap * 3 <= SIZE, "the server's heap is a third of the body: " + maxHeap);
        }
    }

    /** The server's own view of its heap bound, from MicroProfile Metrics. */
    private static double maxHeap(RunningProduct product) throws Exception {
        // the OpenMetrics text: Administrator.send asks for JSON, which /metrics does not offer
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                product.uri("metrics?scope=base")).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), metrics.body());
        Matcher gauge = Pattern.compile("(?m)^memory_maxHeap_bytes\\{[^}]*} (\\S+)$")
                .matcher(metrics.body());
        assertTrue(gauge.find(), metrics.body());
        return Double.parseDouble(gauge.group(1));
    }

    /** Bytes that depend on their position, so that a lost, repeated or reordered part shows. */
    private static final class Sequence extends InputStream {
        private final long size;
        private long position;

        Sequence(long size) {
            this.size = size;
        }

        static byte at(long position) {
            return (byte) (position ^ (position >>> 11) ^ (position >>> 23));
        }

        /** The length read and the count of bytes that differ from the pattern. */
        static long[] check(InputStream in) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long length = 0;
            long wrong = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != at(length + i)) {
                        wrong++;
                    }
                }
                length += read;
            }
            return new long[] {length, wrong};
        }

        @Override
        public int read() {
            return position < size ? at(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = at(position++);
            }
            return count;
        }
    }

    /** A backend on loopback: {@code POST /upload} checks what it receives, {@code GET /download} sends the pattern. */
    private static final class Backend implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        Backend() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/upload", this::upload);
            server.createContext("/download", this::download);
            server.setExecutor(threads);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void upload(HttpExchange exchange) throws IOException {
            long[] received;
            try (InputStream body = exchange.getRequestBody()) {
                received = Sequence.check(body);
            }
            byte[] answer = ("{\"length\":" + received[0] + ",\"intact\":" + (received[1] == 0) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }

        private void download(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().close();
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody(); InputStream bytes = new Sequence(SIZE)) {
                bytes.transferTo(out);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
