package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One developer never sees or touches another's application: not by URL in the portal, not by a forged request. */
@ExtendWith(ProductExtension.class)
class PortalIsolationInChromiumIT {

    private final HttpClient http = HttpClient.newHttpClient();

    /** A new developer's HTTP Basic credentials. */
    private static String signUp(RunningProduct product, String username, String password) throws Exception {
        new ProductHttp().signUp(product.uri("/"), username, username, password);
        return ProductHttp.basic(username, password);
    }

    @Test
    void developerBCannotOpenDevelopersAApplication(RunningProduct product, PortalBrowser portal) throws Exception {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        String aliceBasic = signUp(product, alice, "alice's long password");
        String bobBasic = signUp(product, bob, "bob's long password");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(product.uri("developer/v1/applications"))
                .header("Authorization", aliceBasic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Alice Private App\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String aliceApp = created.body().replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");

        portal.signIn(bob, "bob's long password", "Catalog · Gatehouse");
        portal.open("applications/view.xhtml?id=" + aliceApp);
        portal.screenshot("isolation-by-url");

        assertFalse(portal.driver().getPageSource().contains("Alice Private App"),
                "nothing of Alice's application shows");
        assertEquals("Page not found · Gatehouse", portal.driver().getTitle());

        // the same with a hand-made request: Bob's own credentials, Alice's application id
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(product.uri("developer/v1/applications/" + aliceApp))
                    .header("Authorization", bobBasic).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, forged.statusCode(), method + " " + forged.body());
            assertFalse(forged.body().contains("Alice Private App"));
        }
        HttpResponse<String> keys = http.send(HttpRequest.newBuilder(product.uri("developer/v1/applications/" + aliceApp
                + "/keys/PRODUCTION")).header("Authorization", bobBasic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, keys.statusCode(), keys.body());
        HttpResponse<String> stillThere = http.send(HttpRequest.newBuilder(product.uri("developer/v1/applications/" + aliceApp))
                .header("Authorization", aliceBasic).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stillThere.statusCode(), "Alice's application is untouched");
        assertTrue(stillThere.body().contains("Alice Private App"));
    }
}
