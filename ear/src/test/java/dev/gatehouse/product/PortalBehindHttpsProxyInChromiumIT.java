package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal behind a reverse proxy that terminates TLS: the browser's requests carry X-Forwarded-Proto: https and
 * come from a proxy address the product trusts (RunningProduct sets loopback). The session cookie is Secure
 * from the first page, and again when signing in gives the session a new id.
 */
@ExtendWith(ProductExtension.class)
class PortalBehindHttpsProxyInChromiumIT {

    private final ProductHttp http = new ProductHttp();

    @Test
    void theSessionCookieIsSecureBeforeAndAfterSigningIn(RunningProduct product, PortalBrowser portal)
            throws Exception {
        ChromeDriver browser = portal.driver();
        String username = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a proxied password";
        http.signUp(product.uri("/"), username, username, password);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-Proto", "https")));

        portal.open("signin.xhtml");
        Map<String, Object> before = sessionCookie(browser);
        portal.submitSignIn(username, password);
        portal.await().until(ExpectedConditions.titleIs("Catalog · Gatehouse"));
        Map<String, Object> after = sessionCookie(browser);

        assertEquals(true, before.get("secure"), before.toString());
        assertEquals(true, after.get("secure"), after.toString());
        assertNotEquals(before.get("value"), after.get("value"), "signing in gives the session a new id");
        assertEquals(true, after.get("httpOnly"), after.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sessionCookie(ChromeDriver browser) {
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) browser
                .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream().filter(cookie -> "JSESSIONID".equals(cookie.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie among " + cookies));
    }
}
