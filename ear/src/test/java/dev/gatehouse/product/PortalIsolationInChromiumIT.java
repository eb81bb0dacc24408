package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One developer never sees or touches another's application: not by URL in the portal, not by a forged request. */
@ExtendWith(ProductExtension.class)
class PortalIsolationInChromiumIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private String signUp(RunningProduct product, String username, String password) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(product.uri("developer/v1/signup"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"displayName\":\""
                                + username + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void developerBCannotOpenDevelopersAApplication(RunningProduct product) throws Exception {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        String aliceBasic = signUp(product, alice, "alice's long password");
        String bobBasic = signUp(product, bob, "bob's long password");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(product.uri("developer/v1/applications"))
                .header("Authorization", aliceBasic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Alice Private App\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String aliceApp = created.body().replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");

        browser.get(product.uri("devportal/signin.xhtml").toString());
        browser.findElement(By.id("signin:username")).sendKeys(bob);
        browser.findElement(By.id("signin:password")).sendKeys("bob's long password");
        browser.findElement(By.id("signin:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs("Catalog · Gatehouse"));
        browser.get(product.uri("devportal/applications/view.xhtml?id=" + aliceApp).toString());
        screenshot("isolation-by-url");

        assertFalse(browser.getPageSource().contains("Alice Private App"), "nothing of Alice's application shows");
        assertEquals("Page not found · Gatehouse", browser.getTitle());

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

    private void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
