package dev.gatehouse.product;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** What the benchmarks set up in a running product over its HTTP API, as a developer would. */
final class BenchClient {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ProductHttp rest = new ProductHttp();

    private BenchClient() {
    }

    /** A developer's client, subscribed to the sample API under the Unlimited plan (no 429s while measuring). */
    static String[] subscribedClient(RunningProduct product) throws Exception {
        return subscribedClient(product, "pizzashack");
    }

    /** A developer's client, subscribed under the Unlimited plan to the first API that the search finds. */
    static String[] subscribedClient(RunningProduct product, String search) throws Exception {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a benchmark password";
        rest.signUp(product.uri("/"), name, "Bench", password);
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        String app = post(product, "developer/v1/applications", basic, "{\"name\":\"bench\"}").getString("id");
        String api = json(http.send(HttpRequest.newBuilder(product.uri("developer/v1/apis?search=" + search)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getJsonArray("items").getJsonObject(0).getString("id");
        post(product, "developer/v1/applications/" + app + "/subscriptions", basic,
                "{\"apiId\":\"" + api + "\",\"planId\":\"6b0c7a0e-0f3a-4c2e-9a51-000000000004\"}");
        JsonObject keys = post(product, "developer/v1/applications/" + app + "/keys/PRODUCTION", basic, null);
        return new String[] {keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value")};
    }

    /** The client's HTTP Basic credentials, as an Authorization header value. */
    static String clientBasic(String[] credentials) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials[0] + ":" + credentials[1])
                .getBytes(StandardCharsets.UTF_8));
    }

    static String token(RunningProduct product, String basic) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(product.uri("oauth2/token"))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return json(response.body()).getString("access_token");
    }

    private static JsonObject post(RunningProduct product, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(product.uri(path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
