package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's signing-keys page in headless Chromium: rotate now, then disable a key, with a confirmation;
 * what the page shows is what the management API says. The key that signs is left alone here, so that the other
 * tests of the running product keep their tokens (disabling it is tested over HTTP).
 */
@ExtendWith(ProductExtension.class)
class SigningKeysInChromiumIT {

    private JsonObject key(RunningProduct product, String admin, String kid) throws Exception {
        HttpResponse<String> keys = Administrator.send(product, "GET", "management/v1/signing-keys", admin, null);
        assertEquals(200, keys.statusCode(), keys.body());
        JsonArray all = Json.createReader(new StringReader(keys.body())).readArray();
        return all.getValuesAs(JsonObject.class).stream().filter(k -> k.getString("kid").equals(kid)).findFirst()
                .orElseThrow(() -> new AssertionError(kid + " not in " + keys.body()));
    }

    @Test
    void theAdministratorRotatesNowAndDisablesTheNewKey(RunningProduct product, PortalBrowser portal) throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
        String adminPassword = Administrator.password(product);
        String admin = Administrator.basic(Administrator.USERNAME, adminPassword);
        portal.signIn(Administrator.USERNAME, adminPassword);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Signing keys"))).click();
        wait.until(ExpectedConditions.titleIs("Signing keys · Gatehouse"));
        assertTrue(browser.findElement(By.id("keys:table")).getText().contains("Signing"),
                browser.findElement(By.id("keys:table")).getText());

        browser.findElement(By.id("keys:rotate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "is published"));
        String message = browser.findElement(By.id("messages_container")).getText();
        String kid = message.substring(message.indexOf("Key ") + 4, message.indexOf(" is published"));
        String row = "//tr[.//code[normalize-space(.)='" + kid + "']]";
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(row), "Waiting to sign"));
        assertEquals("ACTIVE", key(product, admin, kid).getString("status"));
        portal.screenshot("signing-keys-rotated");
        Accessibility.assertAccessible(browser, "Signing keys");

        // the keyboard alone: Enter opens the confirmation, which takes the focus and keeps it; Escape closes it,
        // disables nothing and gives the focus back
        WebElement disable = browser.findElement(By.xpath(row + "//button[normalize-space(.)='Disable']"));
        String disableId = disable.getAttribute("id");
        disable.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-confirm-dialog-message"),
                kid));
        wait.until(driver -> focusInConfirmation(browser));
        for (int tab = 0; tab < 6; tab++) {
            assertTrue(focusInConfirmation(browser), "the focus stays in the confirmation, tab " + tab);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        wait.until(driver -> disableId.equals(browser.switchTo().activeElement().getAttribute("id")));
        assertEquals("ACTIVE", key(product, admin, kid).getString("status"), "Escape disabled nothing");

        browser.findElement(By.xpath(row + "//button[normalize-space(.)='Disable']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-confirm-dialog-message"),
                kid));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(row), "Disabled"));
        portal.screenshot("signing-keys-disabled");

        assertEquals("DISABLED", key(product, admin, kid).getString("status"));
        HttpResponse<String> trail = Administrator.send(product, "GET",
                "management/v1/audit?action=signing-key.disable&target=" + kid, admin, null);
        assertTrue(trail.body().contains("\"actor\":\"" + Administrator.USERNAME + "\""), trail.body());

        String developer = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        new ProductHttp().signUp(product.uri("/"), developer, "Dev", "a developer password");
        browser.findElement(By.id("account:sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in")));
        portal.signIn(developer, "a developer password");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Applications")));
        assertTrue(browser.findElements(By.linkText("Signing keys")).isEmpty(), "not in a developer's navigation");
        portal.open("admin/signing-keys.xhtml");
        assertEquals("Not allowed · Gatehouse", browser.getTitle());
    }

    private static boolean focusInConfirmation(ChromeDriver browser) {
        return (Boolean) browser.executeScript("var dialog = document.querySelector('.ui-confirm-dialog');"
                + " return dialog !== null && dialog.contains(document.activeElement)");
    }
}
