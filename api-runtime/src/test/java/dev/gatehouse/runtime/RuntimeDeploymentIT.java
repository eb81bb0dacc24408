package dev.gatehouse.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The built api-runtime WAR on a real Payara Micro: it migrates the schema, reports ready, answers in problem+json. */
class RuntimeDeploymentIT extends RuntimeAtRoot {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readyOnlyWithTheDatabaseMigratedAndThePortalStarted() throws Exception {
        var response = get(URI.create(base.toString()).resolve("/health/ready"), "application/json");

        // the runtime alone: its database is ready, but the portal a visitor is sent to is not there
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"name\":\"database\""), response.body());
        assertTrue(response.body().matches("(?s).*\"database\",\"status\":\"UP\".*\"schema\":\"\\d+\".*"), response.body());
        assertTrue(response.body().matches("(?s).*\"name\":\"portal\",\"status\":\"DOWN\".*\"portal\":\"not started\".*"), response.body());
    }

    @Test
    void describesItsEndpointsToPrograms() throws Exception {
        var response = get(URI.create(base.toString()), "application/json");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"name\":\"Gatehouse\""), response.body());
        assertTrue(response.body().contains("\"portal\":\"/devportal/\""), response.body());
    }

    @Test
    void sendsBrowsersToThePortal() throws Exception {
        var response = get(URI.create(base.toString()), "text/html");

        assertEquals(303, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/devportal/"));
    }

    @Test
    void unknownPathsAreProblemDetails() throws Exception {
        var response = get(URI.create(base.toString()).resolve("no/such/thing"), "application/json");

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":404"), response.body());
        assertTrue(response.body().contains("\"type\":\"urn:gatehouse:problem:not_found\""), response.body());
    }

    @Test
    void wrongMethodsAreProblemDetailsThatKeepAllow() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base.toString()))
                .DELETE().header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("Allow").orElseThrow().contains("GET"));
    }

    private HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
