package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's accounts page in headless Chromium: a developer made a publisher there then sees the
 * Publisher page with their own APIs only.
 */
@ExtendWith(ProductExtension.class)
class AccountsInChromiumIT {

    @Test
    void theAdministratorMakesADeveloperAPublisherWhoThenSeesOnlyTheirOwnApis(RunningProduct product,
            PortalBrowser portal) throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
        String adminPassword = Administrator.password(product);
        // sorted before "admin", so on the first page however many accounts other tests made
        String name = "a-pub-" + UUID.randomUUID().toString().substring(0, 8);
        String basic = Administrator.basic(name, "a publisher password");
        new ProductHttp().signUp(product.uri("/"), name, "Publisher", "a publisher password");
        assertEquals(403, Administrator.send(product, "GET", "management/v1/apis", basic, null).statusCode());

        // signed in from the sign-in page itself: an administrator lands on Publisher, anyone else on the catalog
        portal.signIn(Administrator.USERNAME, adminPassword, "Publisher · Gatehouse");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Accounts"))).click();
        wait.until(ExpectedConditions.titleIs("Accounts · Gatehouse"));
        String row = "//tr[.//span[contains(@id,'username') and normalize-space(.)='" + name + "']]";
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(row + "//button[normalize-space(.)='Make PUBLISHER']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                name + " is now PUBLISHER"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(row + "//button[normalize-space(.)='Remove PUBLISHER']")));
        portal.screenshot("accounts-granted");
        Accessibility.assertAccessible(browser, "Accounts");

        // the new publisher's own API, over the management API: the role applies at once
        String context = "own-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> imported = Administrator.send(product, "POST", "management/v1/apis", basic,
                "{\"document\":\"openapi: 3.0.3\\ninfo: {title: Own, version: 1.0.0}\\npaths: {/x: {get: {responses:"
                        + " {'200': {description: ok}}}}}\\n\",\"context\":\"" + context + "\",\"endpointType\":\"MOCK\","
                        + "\"planIds\":[\"6b0c7a0e-0f3a-4c2e-9a51-000000000001\"]}");
        assertEquals(201, imported.statusCode(), imported.body());

        browser.findElement(By.id("account:sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in")));
        portal.signIn(name, "a publisher password", "Catalog · Gatehouse");
        assertTrue(browser.findElements(By.linkText("Accounts")).isEmpty(), "a publisher has no accounts page");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Publisher"))).click();
        wait.until(ExpectedConditions.titleIs("Publisher · Gatehouse"));
        portal.screenshot("accounts-publisher");

        String apis = browser.findElement(By.id("apis")).getText();
        assertTrue(apis.contains("/api/" + context + "/1.0.0"), apis);
        assertFalse(apis.contains("/api/pizzashack/"), "the administrator's sample APIs are not this publisher's: " + apis);
        portal.open("admin/accounts.xhtml");
        assertEquals("Not allowed · Gatehouse", browser.getTitle());
    }
}
