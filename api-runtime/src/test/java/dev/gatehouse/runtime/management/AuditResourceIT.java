package dev.gatehouse.runtime.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Answer;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /management/v1/audit on a real Payara Micro: administrators only, filtered, paged, values escaped. */
class AuditResourceIT extends RuntimeAtRoot {

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aFailedSignInWithAForgedLineIsInTheTrailEscaped() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String forged = "x" + marker + "\r\nGH-AUDIT SUCCESS by admin";
        assertEquals(401, client.send("GET", "developer/v1/applications", RuntimeClient.basic(forged, "wrong"), null).status());

        Answer trail = client.send("GET", "management/v1/audit?action=account.authenticate&actor=" + encoded(forged),
                ADMIN, null);

        assertEquals(200, trail.status(), trail.body());
        JsonObject event = trail.json().getJsonArray("items").getJsonObject(0);
        assertEquals("x" + marker + "\\r\\nGH-AUDIT SUCCESS by admin", event.getString("actor"));
        assertEquals("FAILURE", event.getString("outcome"));
        assertTrue(event.getString("detail").contains("127.0.0.1") || event.getString("detail").contains("from"),
                event.toString());
    }

    @Test
    void pagedNewestFirstAndFilteredByTime() throws Exception {
        String actor = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            client.send("GET", "developer/v1/applications", RuntimeClient.basic(actor, "wrong " + i), null);
        }

        JsonObject first = client.send("GET", "management/v1/audit?actor=" + actor + "&size=2", ADMIN, null).json();
        JsonObject second = client.send("GET", "management/v1/audit?actor=" + actor + "&size=2&page=1", ADMIN, null).json();
        JsonObject future = client.send("GET", "management/v1/audit?actor=" + actor + "&from=2999-01-01T00:00:00Z",
                ADMIN, null).json();

        assertEquals(3, first.getInt("total"));
        assertEquals(2, first.getJsonArray("items").size());
        assertEquals(1, second.getJsonArray("items").size());
        assertNotEquals(first.getJsonArray("items").getJsonObject(0).getInt("id"),
                second.getJsonArray("items").getJsonObject(0).getInt("id"));
        assertEquals(0, future.getInt("total"));
    }

    @Test
    void aMalformedTimeIsABadRequest() throws Exception {
        Answer answer = client.send("GET", "management/v1/audit?from=yesterday", ADMIN, null);

        assertEquals(400, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
    }

    @Test
    void developersAndStrangersAreRefused() throws Exception {
        var developer = client.signUp();

        Answer asDeveloper = client.send("GET", "management/v1/audit", developer.basic(), null);
        Answer anonymous = client.send("GET", "management/v1/audit", null, null);

        assertEquals(403, asDeveloper.status(), asDeveloper.body());
        assertEquals("application/problem+json", asDeveloper.header("Content-Type"));
        assertEquals(401, anonymous.status());
    }
}
