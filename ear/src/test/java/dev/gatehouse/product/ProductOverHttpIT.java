package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product as the run command starts it, driven over HTTP the way a newcomer and a program first meet it. */
@ExtendWith(ProductExtension.class)
class ProductOverHttpIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theProductReportsItsMigratedDatabaseAndItsPortalReadyOnce(RunningProduct product) throws Exception {
        var response = get(product, "health/ready", "application/json");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"status\":\"UP\""), response.body());
        // each check once, though both applications carry the key manager: only the runtime carries the checks
        assertEquals(1, response.body().split("\"name\":\"database\",\"status\":\"UP\"", -1).length - 1,
                response.body());
        assertEquals(1, response.body().split("\"name\":\"portal\",\"status\":\"UP\"", -1).length - 1,
                response.body());
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "Gatehouse ready {0} after its process started", product.startup());
    }

    @Test
    void readyMeansThePortalIsServedToo(RunningProduct product) {
        assertEquals(200, product.portalStatusWhenFirstReady(),
                "/devportal/ right after /health/ready first answered 200");
    }

    @Test
    void thePortalShellIsServedUnderDevportal(RunningProduct product) throws Exception {
        var response = get(product, "devportal/", "text/html");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<title>Catalog · Gatehouse</title>"), response.body());
    }

    @Test
    void theServerRootSendsBrowsersToThePortal(RunningProduct product) throws Exception {
        var response = get(product, "", "text/html");

        assertEquals(303, response.statusCode());
        assertEquals(product.uri("devportal/").getPath(),
                java.net.URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
    }

    @Test
    void theServerRootDescribesTheEndpointsToPrograms(RunningProduct product) throws Exception {
        var response = get(product, "", "application/json");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"portal\":\"/devportal/\""), response.body());
    }

    @Test
    void aFreshStartListsTheSampleApis(RunningProduct product) throws Exception {
        var response = get(product, "developer/v1/apis", "application/json");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"name\":\"PizzaShack\""), response.body());
        assertTrue(response.body().contains("\"name\":\"Weather\""), response.body());
    }

    @Test
    void theOpenApiDocumentIsPublished(RunningProduct product) throws Exception {
        var response = get(product, "openapi", "application/json");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"openapi\""), response.body());
    }

    @Test
    void unknownPathsAreProblemDetailsWithoutInternals(RunningProduct product) throws Exception {
        var response = get(product, "no/such/endpoint", "application/json");

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("at dev."), response.body());
    }

    @Test
    void refusedTokensLeaveNoStackTraceInTheLog(RunningProduct product) throws Exception {
        int before = product.log().length();

        for (String token : new String[] {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x".repeat(3000)}) {
            var refused = http.send(HttpRequest.newBuilder(product.uri("api/pizzashack/1.0.0/menu"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), refused.body());
        }
        // a request without a token writes one access-log line after whatever the refusals above wrote
        assertEquals(401, http.send(HttpRequest.newBuilder(product.uri("api/pizzashack/1.0.0/menu")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        String written = product.log().substring(before);
        for (int wait = 0; wait < 300 && !written.contains("status=401"); wait++) {
            Thread.sleep(100);
            written = product.log().substring(before);
        }

        assertTrue(written.contains("GH-GW-200"), written);
        assertTrue(!written.contains("\tat ") && !written.contains("Exception"), written);
    }

    private HttpResponse<String> get(RunningProduct product, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(product.uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
