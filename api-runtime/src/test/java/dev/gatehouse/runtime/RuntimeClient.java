package dev.gatehouse.runtime;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A small HTTP client for the runtime's REST and OAuth endpoints, as a program outside would use them. */
public final class RuntimeClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    public RuntimeClient(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    public record Answer(int status, String body, HttpResponse<String> response) {
        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A fresh developer account: username and password. */
    public record Developer(String username, String password) {
        public String basic() {
            return RuntimeClient.basic(username, password);
        }
    }

    public Developer signUp() throws Exception {
        String name = "dev-" + UUID.randomUUID().toString().substring(0, 12);
        Developer developer = new Developer(name, "correct horse battery " + name);
        Answer answer = send("POST", "developer/v1/signup", null, Json.createObjectBuilder()
                .add("username", developer.username()).add("email", name + "@example.com")
                .add("displayName", "Developer " + name).add("password", developer.password()).build().toString());
        if (answer.status() != 201) {
            throw new AssertionError("signup failed: " + answer.status() + " " + answer.body());
        }
        return developer;
    }

    public Answer send(String method, String path, String authorization, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return answer(request.build());
    }

    public Answer form(String path, String authorization, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return formRaw(path, authorization, body);
    }

    public Answer formRaw(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return answer(request.build());
    }

    private Answer answer(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /** RFC 6749 Appendix B: each half form-url-encoded, then Basic. */
    public static String clientBasic(String clientId, String secret) {
        return basic(URLEncoder.encode(clientId, StandardCharsets.UTF_8), URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    public static String basic(String id, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
