package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The application page's secrets in headless Chromium: a token from Token: Generate dies with the secret it is
 * bound to when that secret is revoked on the page, keys without an active secret give no token, and a secret shown
 * in its dialog is gone from the page however the dialog is closed, and Tab cannot leave that dialog while it is
 * open (screenshots in portal-secrets/).
 */
@ExtendWith(ProductExtension.class)
class PortalSecretsInChromiumIT {

    private static final String PASSWORD = "a browser password";

    private final ProductHttp http = new ProductHttp();
    private PortalBrowser portal;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private RunningProduct product;

    @BeforeEach
    void openBrowser(RunningProduct running) {
        product = running;
        portal = new PortalBrowser(running, "portal-secrets");
        browser = portal.driver();
        wait = portal.await();
    }

    @AfterEach
    void closeBrowser() {
        portal.close();
    }

    @Test
    void revokingTheSecretInThePortalStopsThePortalsToken() throws Exception {
        try {
            openApplicationSubscribedToPizzaShack();
            button("Generate Key").click();
            closeSecretDialog(() -> browser.findElement(By.cssSelector("button[id$='close-secret']")).click());

            button("Generate").click();
            String token = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("textarea[id$='access-token']"))).getAttribute("value");
            assertEquals(200, callPizzaShack(token).status(), "the portal's token works");
            portal.screenshot("01-token");

            button("Revoke").click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            // at once: the answer to the click shows it, no reload
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages_container"), "Secret revoked"));
            WebElement secrets = browser.findElement(By.cssSelector("[id$=':secrets']"));
            assertTrue(secrets.getText().contains("revoked"), secrets.getText());
            assertFalse(secrets.getText().contains("active"), secrets.getText());
            portal.screenshot("02-revoked");

            Instant deadline = Instant.now().plusSeconds(2);
            ProductHttp.Answer refused = callPizzaShack(token);
            while (refused.status() == 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                refused = callPizzaShack(token);
            }
            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"reason\":\"token_revoked\""), refused.body());

            button("Generate").click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                    "Generate a secret first"));
            assertTrue(browser.findElements(By.cssSelector("textarea[id$='access-token']")).isEmpty(),
                    "no token is shown");
            portal.screenshot("03-no-active-secret");
        } catch (Exception | AssertionError e) {
            portal.screenshot("failed-revocation");
            throw e;
        }
    }

    @Test
    void aShownSecretIsForgottenHoweverItsDialogCloses() throws Exception {
        try {
            openApplicationSubscribedToPizzaShack();

            button("Generate Key").click();
            String first = closeSecretDialog(() -> browser.switchTo().activeElement().sendKeys(Keys.ESCAPE));
            // Generate Key is gone now that there are keys: the focus is given to the keys' panel, not the page's top
            wait.until(driver -> (Boolean) browser.executeScript("var panel = document.querySelector("
                    + "'.ui-tabs-panel:not(.ui-helper-hidden) [id$=\"oauth\"]');"
                    + " return panel !== null && panel.contains(document.activeElement)"));
            browser.findElement(By.xpath("//legend[contains(., 'Advanced Configuration')]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='access-lifetime_input']")));
            button("Save").click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                    "Advanced configuration saved"));
            assertFalse(browser.getPageSource().contains(first), "closed with Escape, then the page updated");

            browser.findElement(By.cssSelector("input[id$='new-secret-name']")).sendKeys("second");
            button("Add secret").click();
            String second = closeSecretDialog(() -> visibleDialog().findElement(By.cssSelector(".ui-dialog-titlebar-close")).click());
            button("Generate").click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='access-token']")));
            assertFalse(browser.getPageSource().contains(second), "closed with the ×, then the page updated");

            browser.findElement(By.cssSelector("input[id$='new-secret-name']")).sendKeys("third");
            button("Add secret").click();
            String third = closeSecretDialog(() -> browser.findElement(By.cssSelector("button[id$='close-secret']")).click());
            button("Save").click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                    "Advanced configuration saved"));
            String page = browser.getPageSource();
            assertFalse(page.contains(third), "closed with the button, then the page updated");
            assertFalse(page.contains(first) || page.contains(second));
            portal.screenshot("04-secrets-forgotten");
        } catch (Exception | AssertionError e) {
            portal.screenshot("failed-forgotten");
            throw e;
        }
    }

    @Test
    void theKeyboardStaysInTheSecretsDialogUntilEscapeClosesIt() throws Exception {
        try {
            openApplicationSubscribedToPizzaShack();
            button("Generate Key").click();
            // read in the page itself: the ajax answer renders the dialog anew, so a found element may go stale
            wait.until(driver -> insideDialog());

            // more presses than the dialog has stops, forwards and back: the focus never leaves it
            int stops = ((Number) browser.executeScript(OPEN_DIALOG + " return open.length === 1 ? open[0]"
                    + ".querySelectorAll('a[href], button, input, textarea, [tabindex=\"0\"]').length : 0")).intValue();
            assertTrue(stops >= 3, "the dialog's copy buttons, fields and Close: " + stops);
            for (int press = 0; press < stops + 2; press++) {
                browser.switchTo().activeElement().sendKeys(Keys.TAB);
                assertTrue(insideDialog(), "Tab " + (press + 1) + " left the dialog for " + describeFocus());
            }
            for (int press = 0; press < stops + 2; press++) {
                browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
                assertTrue(insideDialog(), "Shift+Tab " + (press + 1) + " left the dialog for " + describeFocus());
            }
            portal.screenshot("05-dialog-keyboard");

            browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[id$='dialog-secret']")));
        } catch (Exception | AssertionError e) {
            portal.screenshot("failed-dialog-keyboard");
            throw e;
        }
    }

    /** Script that finds the dialogs shown now, as {@code open} (fixed-position: offsetParent is always null). */
    private static final String OPEN_DIALOG = "var open = Array.from(document.querySelectorAll('.ui-dialog'))"
            + ".filter(function (d) { return d.getClientRects().length > 0"
            + " && getComputedStyle(d).visibility !== 'hidden'; });";

    private boolean insideDialog() {
        return (Boolean) browser.executeScript(OPEN_DIALOG
                + " return open.length === 1 && open[0].contains(document.activeElement)");
    }

    private String describeFocus() {
        return (String) browser.executeScript("var e = document.activeElement;"
                + " return e ? e.tagName + '#' + e.id + ' ' + (e.textContent || '').trim().substring(0, 40) : 'nothing'");
    }

    /** A new developer, signed in on the page of an application subscribed to PizzaShack (Bronze), without keys. */
    private void openApplicationSubscribedToPizzaShack() throws Exception {
        String username = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        String basic = ProductHttp.basic(username, PASSWORD);
        http.signUp(product.uri("/"), username, "Secrets", PASSWORD);
        String application = http.expect(201, "POST", product.uri("developer/v1/applications"), basic,
                "{\"name\":\"Secrets App\"}").getString("id");
        JsonObject api = http.send("GET", product.uri("developer/v1/apis?search=pizzashack"), null, null).json()
                .getJsonArray("items").getJsonObject(0);
        JsonObject details = http.expect(200, "GET", product.uri("developer/v1/apis/" + api.getString("id")), null, null);
        String bronze = details.getJsonArray("plans").getValuesAs(JsonObject.class).stream()
                .filter(plan -> plan.getString("name").equals("Bronze")).findFirst().orElseThrow().getString("id");
        http.expect(201, "POST", product.uri("developer/v1/applications/" + application + "/subscriptions"), basic,
                "{\"apiId\":\"" + api.getString("id") + "\",\"planId\":\"" + bronze + "\"}");

        portal.signIn(username, PASSWORD, "Catalog · Gatehouse");
        portal.open("applications/view.xhtml?id=" + URLEncoder.encode(application, StandardCharsets.UTF_8),
                "Secrets App · Gatehouse");
    }

    /** Reads the secret from its open dialog, closes the dialog the given way, and returns the secret. */
    private String closeSecretDialog(Runnable close) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='dialog-secret']")));
        String secret = field.getAttribute("value");
        assertTrue(secret.length() >= 32, "a secret is shown");
        close.run();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[id$='dialog-secret']")));
        return secret;
    }

    private WebElement visibleDialog() {
        return browser.findElements(By.cssSelector(".ui-dialog")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElseThrow();
    }

    private WebElement button(String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'ui-tabs-panel') and not(contains(@class,'ui-helper-hidden'))]"
                        + "//button[normalize-space(.)='" + label + "']")));
    }

    private ProductHttp.Answer callPizzaShack(String token) throws Exception {
        return http.send("GET", product.uri("api/pizzashack/1.0.0/menu"), ProductHttp.bearer(token), null);
    }
}
