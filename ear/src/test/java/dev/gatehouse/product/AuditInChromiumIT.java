package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/** The audit page in headless Chromium: the administrator finds a failed sign-in; a developer is refused the page. */
@ExtendWith(ProductExtension.class)
class AuditInChromiumIT {

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private void signIn(RunningProduct product, String username, String password) {
        browser.get(product.uri("devportal/signin.xhtml").toString());
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
    }

    @Test
    void theAdministratorSeesAFailedSignInInTheAuditPage(RunningProduct product) throws Exception {
        String adminPassword = Administrator.password(product);
        String stranger = "ghost-" + UUID.randomUUID().toString().substring(0, 8);

        signIn(product, stranger, "not the password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin"), "Wrong username or password."));

        signIn(product, Administrator.USERNAME, adminPassword);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Audit"))).click();
        wait.until(ExpectedConditions.titleIs("Audit · Gatehouse"));
        browser.findElement(By.id("filters:actor")).sendKeys(stranger);
        browser.findElement(By.id("filters:search")).click();
        String row = "//tbody[@id='events:table_data']/tr[.//td[normalize-space(.)='" + stranger + "']]";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(row)));
        screenshot("audit-failed-sign-in");
        Accessibility.assertAccessible(browser, "Audit");

        String text = browser.findElement(By.xpath(row)).getText();
        assertTrue(text.contains("account.authenticate"), text);
        assertTrue(text.contains("FAILURE"), text);
        assertEquals(1, browser.findElements(By.xpath("//tbody[@id='events:table_data']/tr")).size(),
                "filtered by actor");
    }

    @Test
    void aDeveloperCannotOpenTheAuditPage(RunningProduct product) {
        String username = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(product.uri("devportal/signup.xhtml").toString());
        browser.findElement(By.id("signup:username")).sendKeys(username);
        browser.findElement(By.id("signup:email")).sendKeys(username + "@example.com");
        browser.findElement(By.id("signup:displayName")).sendKeys("Developer");
        browser.findElement(By.id("signup:password")).sendKeys("a developer password");
        browser.findElement(By.id("signup:submit")).click();
        wait.until(ExpectedConditions.titleIs("Catalog · Gatehouse")); // signed up is signed in

        assertTrue(browser.findElements(By.linkText("Audit")).isEmpty(), "no Audit link for developers");
        browser.get(product.uri("devportal/admin/audit.xhtml").toString());

        assertEquals("Not allowed · Gatehouse", browser.getTitle());
    }

    private void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
