package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal behind a reverse proxy that terminates TLS: the browser's requests carry X-Forwarded-Proto: https and
 * come from a proxy address the product trusts (RunningProduct sets loopback). The session cookie is Secure
 * from the first page, and again when signing in gives the session a new id.
 */
@ExtendWith(ProductExtension.class)
class PortalBehindHttpsProxyInChromiumIT {

    private final ProductHttp http = new ProductHttp();
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theSessionCookieIsSecureBeforeAndAfterSigningIn(RunningProduct product) throws Exception {
        String username = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a proxied password";
        http.expect(201, "POST", product.uri("developer/v1/signup"), null, Json.createObjectBuilder()
                .add("username", username).add("email", username + "@example.com").add("displayName", username)
                .add("password", password).build().toString());
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-Proto", "https")));

        browser.get(product.uri("devportal/signin.xhtml").toString());
        Map<String, Object> before = sessionCookie();
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs("Catalog · Gatehouse"));
        Map<String, Object> after = sessionCookie();

        assertEquals(true, before.get("secure"), before.toString());
        assertEquals(true, after.get("secure"), after.toString());
        assertNotEquals(before.get("value"), after.get("value"), "signing in gives the session a new id");
        assertEquals(true, after.get("httpOnly"), after.toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sessionCookie() {
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) browser
                .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream().filter(cookie -> "JSESSIONID".equals(cookie.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie among " + cookies));
    }
}
