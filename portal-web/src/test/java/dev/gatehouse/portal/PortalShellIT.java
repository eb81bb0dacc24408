package dev.gatehouse.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built portal WAR on a real Payara Micro renders its layout and keeps its templates private. */
@ExtendWith(ArquillianExtension.class)
class PortalShellIT extends DeployedPortal {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theWelcomePageIsTheCatalogInTheLayout() throws Exception {
        var response = get("");

        assertEquals(200, response.statusCode());
        String page = response.body();
        assertTrue(page.contains("<title>Catalog · Gatehouse</title>"), page);
        for (String link : new String[] {">Catalog</a>", ">Applications</a>", ">Sign in</a>"}) {
            assertTrue(page.contains(link), "navigation " + link + " missing from " + page);
        }
        assertTrue(page.contains("primefaces"), "PrimeFaces resources are rendered");
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        var headers = get("").headers();

        assertTrue(headers.firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(headers.firstValue("Referrer-Policy").isPresent());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var cookie = get("").headers().firstValue("Set-Cookie").orElseThrow();

        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
    }

    @Test
    void unknownPagesGetTheFriendlyNotFoundPage() throws Exception {
        var response = get("no-such-page.xhtml");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Page not found"), response.body());
    }

    @Test
    void templatesAreNotServedOnTheirOwn() throws Exception {
        var response = get("WEB-INF/templates/layout.xhtml");

        assertTrue(response.statusCode() == 404 || response.statusCode() == 403, "status " + response.statusCode());
        assertTrue(!response.body().contains("ui:insert"), response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
