package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flood of wrong HTTP Basic credentials with random usernames, from 50 connections on 50 loopback addresses
 * (as from many machines), against the running product: a signed-in developer, a token client and a gateway caller
 * keep being served, and the flood is refused (401, 429 or 503), never with a server failure. It prints the counts
 * and asserts nothing about time.
 */
@ExtendWith(ProductExtension.class)
class PasswordFloodIT {

    private static final int FLOOD_CONNECTIONS = 50;
    private static final Duration FLOOD = Duration.ofSeconds(Long.getLong("flood.seconds", 10));
    /** The Unlimited sample plan (no 429 from the rate limit while the test calls the gateway). */
    private static final String UNLIMITED_PLAN = "6b0c7a0e-0f3a-4c2e-9a51-000000000004";

    private final ProductHttp http = new ProductHttp();

    @Test
    void signedInDevelopersTokensAndTheGatewayAreServedDuringAFlood(RunningProduct product) throws Exception {
        String name = "flood-" + UUID.randomUUID().toString().substring(0, 8);
        String developer = ProductHttp.basic(name, "a developer password");
        http.signUp(product.uri("/"), name, "Flood", "a developer password");
        String app = http.expect(201, "POST", product.uri("developer/v1/applications"), developer,
                "{\"name\":\"flood\"}").getString("id");
        String api = http.expect(200, "GET", product.uri("developer/v1/apis?search=pizzashack"), null, null)
                .getJsonArray("items").getJsonObject(0).getString("id");
        http.expect(201, "POST", product.uri("developer/v1/applications/" + app + "/subscriptions"), developer,
                "{\"apiId\":\"" + api + "\",\"planId\":\"" + UNLIMITED_PLAN + "\"}");
        JsonObject keys = http.expect(201, "POST", product.uri("developer/v1/applications/" + app + "/keys/PRODUCTION"),
                developer, null);
        String clientId = keys.getJsonObject("keys").getString("clientId");
        String secret = keys.getJsonObject("secret").getString("value");
        // signed in: the developer's next calls are answered from the credential cache
        assertEquals(200, http.send("GET", product.uri("developer/v1/applications"), developer, null).status());

        Map<Integer, AtomicLong> flood = new ConcurrentHashMap<>();
        Map<String, Map<Integer, Long>> legitimate = new TreeMap<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Thread> attackers = new ArrayList<>();
        for (int c = 0; c < FLOOD_CONNECTIONS; c++) {
            String source = "127.0.0." + (100 + c);
            Thread attacker = new Thread(() -> {
                while (flooding.get()) {
                    int status;
                    try {
                        status = wrongCredentials(source, product.uri("/").getPort());
                    } catch (IOException e) {
                        status = -1;
                    }
                    flood.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
            });
            attacker.setDaemon(true);
            attackers.add(attacker);
            attacker.start();
        }
        try {
            long end = System.nanoTime() + FLOOD.toNanos();
            while (System.nanoTime() < end) {
                count(legitimate, "developer", http.send("GET", product.uri("developer/v1/applications"), developer,
                        null).status());
                ProductHttp.Answer token = http.form(product.uri("oauth2/token"), ProductHttp.basic(clientId, secret),
                        "grant_type=client_credentials");
                count(legitimate, "token", token.status());
                if (token.status() == 200) {
                    count(legitimate, "gateway", http.send("GET", product.uri("api/pizzashack/1.0.0/menu"),
                            ProductHttp.bearer(token.json().getString("access_token")), null).status());
                }
            }
        } finally {
            flooding.set(false);
            for (Thread attacker : attackers) {
                attacker.join();
            }
        }

        System.out.println("During " + FLOOD.toSeconds() + " s of wrong Basic credentials from " + FLOOD_CONNECTIONS
                + " addresses: legitimate calls by status " + legitimate + "; the flood's answers by status "
                + new TreeMap<>(flood));
        for (var calls : legitimate.entrySet()) {
            assertEquals(Map.of(200, calls.getValue().values().stream().mapToLong(Long::longValue).sum()),
                    calls.getValue(), calls.getKey() + " calls are all served");
        }
        assertEquals(3, legitimate.size(), "developer, token and gateway calls were made: " + legitimate);
        for (int status : flood.keySet()) {
            assertTrue(status == 401 || status == 429 || status == 503, "the flood got " + status + ": " + flood);
        }
        assertTrue(flood.containsKey(503) || flood.containsKey(429), "password checks were bounded: " + flood);
    }

    private static void count(Map<String, Map<Integer, Long>> counts, String call, int status) {
        counts.computeIfAbsent(call, c -> new TreeMap<>()).merge(status, 1L, Long::sum);
    }

    /** One request with wrong credentials and a random username, from the given loopback address; its status. */
    private static int wrongCredentials(String source, int port) throws IOException {
        String basic = Base64.getEncoder().encodeToString(("nobody-" + UUID.randomUUID() + ":wrong password")
                .getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /developer/v1/applications HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: Basic " + basic + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            return Integer.parseInt(text.substring(9, 12));
        }
    }
}
