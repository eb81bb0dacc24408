package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit page in headless Chromium: the administrator finds a failed sign-in; a developer is refused the page. */
@ExtendWith(ProductExtension.class)
class AuditInChromiumIT {

    @Test
    void theAdministratorSeesAFailedSignInInTheAuditPage(RunningProduct product, PortalBrowser portal)
            throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
        String adminPassword = Administrator.password(product);
        String stranger = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        portal.signIn(stranger, "not the password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin"), "Wrong username or password."));

        portal.signIn(Administrator.USERNAME, adminPassword);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Audit"))).click();
        wait.until(ExpectedConditions.titleIs("Audit · Gatehouse"));
        browser.findElement(By.id("filters:actor")).sendKeys(stranger);
        browser.findElement(By.id("filters:search")).click();
        String row = "//tbody[@id='events:table_data']/tr[.//td[normalize-space(.)='" + stranger + "']]";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(row)));
        portal.screenshot("audit-failed-sign-in");
        Accessibility.assertAccessible(browser, "Audit");

        String text = browser.findElement(By.xpath(row)).getText();
        assertTrue(text.contains("account.authenticate"), text);
        assertTrue(text.contains("FAILURE"), text);
        assertEquals(1, browser.findElements(By.xpath("//tbody[@id='events:table_data']/tr")).size(),
                "filtered by actor");
    }

    @Test
    void aDeveloperCannotOpenTheAuditPage(PortalBrowser portal) {
        String username = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        portal.signUp(username, "Developer", "a developer password", "Catalog · Gatehouse"); // signed up is signed in

        assertTrue(portal.driver().findElements(By.linkText("Audit")).isEmpty(), "no Audit link for developers");
        portal.open("admin/audit.xhtml");

        assertEquals("Not allowed · Gatehouse", portal.driver().getTitle());
    }
}
