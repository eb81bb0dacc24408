package dev.gatehouse.product;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** JSON over HTTP against a running product, for the end-to-end tests that use its REST APIs. */
final class ProductHttp {

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray jsonArray() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        long header(String name) {
            return response.headers().firstValueAsLong(name).orElse(-1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    Answer send(String method, URI uri, String authorization, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /** A request that must succeed with the given status; its JSON body. */
    JsonObject expect(int status, String method, URI uri, String authorization, String json)
            throws IOException, InterruptedException {
        Answer answer = send(method, uri, authorization, json);
        if (answer.status() != status) {
            throw new AssertionError(method + " " + uri + ": expected " + status + ", got " + answer.status() + " "
                    + answer.body());
        }
        return answer.body().isBlank() ? JsonObject.EMPTY_JSON_OBJECT : answer.json();
    }

    /** A developer's self sign-up at the node, with an address at example.com; the account as the API answers it. */
    JsonObject signUp(URI node, String username, String displayName, String password)
            throws IOException, InterruptedException {
        return expect(201, "POST", node.resolve("developer/v1/signup"), null, Json.createObjectBuilder()
                .add("username", username).add("email", username + "@example.com").add("displayName", displayName)
                .add("password", password).build().toString());
    }

    /** An application/x-www-form-urlencoded POST, as the OAuth endpoints take. */
    Answer form(URI uri, String authorization, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /** A client_credentials token from the token endpoint. */
    String token(URI node, String clientId, String secret) throws IOException, InterruptedException {
        Answer answer = form(node.resolve("oauth2/token"), basic(clientId, secret), "grant_type=client_credentials");
        if (answer.status() != 200) {
            throw new AssertionError("token: " + answer.status() + " " + answer.body());
        }
        return answer.json().getString("access_token");
    }
}
