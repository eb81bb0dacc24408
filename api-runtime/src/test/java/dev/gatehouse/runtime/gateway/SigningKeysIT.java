package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator rotates the signing keys and disables a compromised one over /management/v1, on a real Payara
 * Micro: the disabled key's tokens are refused at once, the key waiting to sign takes over, nobody else may do it.
 */
class SigningKeysIT extends RuntimeAtRoot {

    private static final Duration ENFORCED_WITHIN = Duration.ofSeconds(1);
    /** The gateway fetches the key set again for a key it does not hold, at most once a second; plus a margin. */
    private static final Duration KEY_SET_REFETCHED_WITHIN = Duration.ofSeconds(2);

    private GatewayFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new GatewayFixture(client);
    }

    private static String kid(String token) throws Exception {
        return JWSObject.parse(token).getHeader().getKeyID();
    }

    private static Answer until(Duration within, int status, Callable<Answer> call) throws Exception {
        Instant deadline = Instant.now().plus(within);
        Answer answer = call.call();
        while (answer.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            answer = call.call();
        }
        return answer;
    }

    private JsonObject key(String kid) throws Exception {
        Answer keys = client.send("GET", "management/v1/signing-keys", GatewayFixture.ADMIN, null);
        assertEquals(200, keys.status(), keys.body());
        return keys.array().stream().map(JsonValue::asJsonObject).filter(k -> k.getString("kid").equals(kid))
                .findFirst().orElseThrow(() -> new AssertionError(kid + " not in " + keys.body()));
    }

    @Test
    void aCompromisedKeyIsDisabledItsTokensAreRefusedAtOnceAndTheWaitingKeySigns() throws Exception {
        JsonObject api = fixture.publish(null, null, List.of(GatewayFixture.BRONZE));
        GatewayFixture.App app = fixture.subscribed(api.getString("id"), GatewayFixture.BRONZE, "PRODUCTION");
        String items = "api/" + api.getString("context") + "/" + api.getString("version") + "/items";
        String compromisedToken = fixture.token(app, null);
        String compromised = kid(compromisedToken);
        assertEquals(200, fixture.call("GET", items, compromisedToken).status());

        Answer rotation = client.send("POST", "management/v1/signing-keys/rotation", GatewayFixture.ADMIN, null);
        assertEquals(200, rotation.status(), rotation.body());
        String waiting = rotation.json().getString("kid");
        assertNotEquals(compromised, waiting);
        assertTrue(Instant.parse(rotation.json().getString("signsFrom")).isAfter(Instant.now()),
                "a rotation publishes a key before it signs: " + rotation.body());
        assertTrue(client.send("GET", "oauth2/jwks", null, null).body().contains(waiting), "published at once");
        assertEquals(compromised, kid(fixture.token(app, null)), "the old key signs until the new one's time");

        Answer disabled = client.send("POST", "management/v1/signing-keys/" + compromised + "/disable",
                GatewayFixture.ADMIN, null);

        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("DISABLED", disabled.json().getString("status"));
        Answer refused = until(ENFORCED_WITHIN, 401, () -> fixture.call("GET", items, compromisedToken));
        assertEquals(401, refused.status(), "refused within a second: " + refused.body());
        assertEquals("token_revoked", refused.json().getString("reason"), refused.body());
        assertTrue(refused.header("WWW-Authenticate").contains("invalid_token"));
        JsonObject introspected = client.form("oauth2/introspect", app.clientBasic(),
                Map.of("token", compromisedToken)).json();
        assertFalse(introspected.getBoolean("active"), introspected.toString());
        assertFalse(client.send("GET", "oauth2/jwks", null, null).body().contains(compromised), "no longer published");

        String fresh = fixture.token(app, null);
        assertEquals(waiting, kid(fresh), "the waiting key signs from now");
        assertEquals("ACTIVE", key(waiting).getString("status"));
        assertEquals("DISABLED", key(compromised).getString("status"));
        Instant asked = Instant.now();
        Answer served = until(KEY_SET_REFETCHED_WITHIN, 200, () -> fixture.call("GET", items, fresh));
        assertEquals(200, served.status(), served.body());
        System.out.printf("the replacement key's first token was served %d ms after it was issued%n",
                Duration.between(asked, Instant.now()).toMillis());
        assertEquals(401, fixture.call("GET", items, compromisedToken).status(), "and the old one stays refused");
    }

    @Test
    void onlyAdministratorsSeeRotateOrDisableKeys() throws Exception {
        String developer = client.signUp().basic();
        Answer list = client.send("GET", "management/v1/signing-keys", developer, null);
        Answer rotate = client.send("POST", "management/v1/signing-keys/rotation", developer, null);
        Answer keys = client.send("GET", "management/v1/signing-keys", GatewayFixture.ADMIN, null);
        String kid = keys.array().getJsonObject(0).getString("kid");
        Answer disable = client.send("POST", "management/v1/signing-keys/" + kid + "/disable", developer, null);
        Answer unknown = client.send("POST", "management/v1/signing-keys/no-such-key/disable", GatewayFixture.ADMIN,
                null);

        for (Answer denied : List.of(list, rotate, disable)) {
            assertEquals(403, denied.status(), denied.body());
            assertEquals("application/problem+json", denied.header("Content-Type").split(";")[0]);
        }
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(401, client.send("GET", "management/v1/signing-keys", null, null).status());
        assertEquals(200, keys.status(), keys.body());
        assertFalse(keys.body().contains("\"d\"") || keys.body().contains("private"), "no key material: "
                + keys.body());
    }
}
