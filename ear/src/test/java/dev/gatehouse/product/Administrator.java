package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrator of a product started with a generated password: the password from the log line GH-ACC-001,
 * and a chosen one once the generated one has been changed, as the first sign-in must.
 */
final class Administrator {

    static final String USERNAME = "admin";
    static final String CHOSEN_PASSWORD = "end-to-end administrator password";
    private static final Pattern GENERATED =
            Pattern.compile("GH-ACC-001 Created administrator \"admin\" with the generated password (\\S+)");

    private Administrator() {
    }

    static String generatedPassword(RunningProduct product) {
        Matcher generated = GENERATED.matcher(product.log());
        assertTrue(generated.find(), "the first start logs the administrator's password");
        return generated.group(1);
    }

    /** The usable password: the generated one is changed to {@link #CHOSEN_PASSWORD} the first time. */
    static synchronized String password(RunningProduct product) throws Exception {
        if (send(product, "GET", "developer/v1/account", basic(USERNAME, CHOSEN_PASSWORD), null).statusCode() == 200) {
            return CHOSEN_PASSWORD;
        }
        String generated = generatedPassword(product);
        HttpResponse<String> changed = send(product, "PUT", "developer/v1/account/password", basic(USERNAME, generated),
                "{\"currentPassword\":\"" + generated + "\",\"newPassword\":\"" + CHOSEN_PASSWORD + "\"}");
        assertEquals(204, changed.statusCode(), changed.body());
        return CHOSEN_PASSWORD;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(RunningProduct product, String method, String path, String authorization,
            String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(product.uri(path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
