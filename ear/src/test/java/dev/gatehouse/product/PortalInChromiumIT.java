package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal in a real headless Chromium: it renders its layout and the navigation works. */
@ExtendWith(ProductExtension.class)
class PortalInChromiumIT {

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
    void thePortalRendersItsLayoutAndNavigates(RunningProduct product) throws Exception {
        // get() can return before a first page's title is in the document: wait for it, as the other walks do
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(product.uri("devportal/").toString());

        wait.until(ExpectedConditions.titleIs("Catalog · Gatehouse"));
        assertEquals("API catalog", browser.findElement(By.tagName("h1")).getText());
        List<String> navigation = browser.findElements(By.cssSelector("nav.gh-nav a")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Catalog", "Applications", "Sign in"), navigation);
        assertTrue(browser.findElement(By.linkText("PizzaShack")).isDisplayed(), "the sample APIs are in the catalog");
        Object themeLoaded = browser.executeScript(
                "return getComputedStyle(document.querySelector('.ui-tag')).backgroundColor");
        assertTrue(themeLoaded != null && !"rgba(0, 0, 0, 0)".equals(themeLoaded), "theme CSS applied: " + themeLoaded);
        screenshot("portal-catalog");

        browser.findElement(By.linkText("PizzaShack")).click();
        wait.until(ExpectedConditions.titleIs("PizzaShack · Gatehouse"));
        assertTrue(browser.getPageSource().contains("1000 requests/minute"), "the plans and their limits");
        browser.findElement(By.linkText("Documentation")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".opblock-summary-path[data-path='/menu']")));
        assertTrue(browser.getPageSource().contains("Sign in</a> to try the API"), "try-it needs an account");
        screenshot("portal-documentation");
        browser.get(product.uri("devportal/").toString());
        wait.until(ExpectedConditions.titleIs("Catalog · Gatehouse"));

        browser.findElement(By.linkText("Applications")).click();

        wait.until(ExpectedConditions.titleIs("Sign in · Gatehouse")); // applications need an account
        screenshot("portal-sign-in");
    }

    private void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
