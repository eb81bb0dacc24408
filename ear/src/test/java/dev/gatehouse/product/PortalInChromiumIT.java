package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal in a real headless Chromium: it renders its layout and the navigation works. */
@ExtendWith(ProductExtension.class)
class PortalInChromiumIT {

    @Test
    void thePortalRendersItsLayoutAndNavigates(PortalBrowser portal) throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
        portal.open("", "Catalog · Gatehouse");

        assertEquals("API catalog", browser.findElement(By.tagName("h1")).getText());
        List<String> navigation = browser.findElements(By.cssSelector("nav.gh-nav a")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Catalog", "Applications", "Sign in"), navigation);
        assertTrue(browser.findElement(By.linkText("PizzaShack")).isDisplayed(), "the sample APIs are in the catalog");
        Object themeLoaded = browser.executeScript(
                "return getComputedStyle(document.querySelector('.ui-tag')).backgroundColor");
        assertTrue(themeLoaded != null && !"rgba(0, 0, 0, 0)".equals(themeLoaded), "theme CSS applied: " + themeLoaded);
        portal.screenshot("portal-catalog");

        browser.findElement(By.linkText("PizzaShack")).click();
        wait.until(ExpectedConditions.titleIs("PizzaShack · Gatehouse"));
        assertTrue(browser.getPageSource().contains("1000 requests/minute"), "the plans and their limits");
        browser.findElement(By.linkText("Documentation")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".opblock-summary-path[data-path='/menu']")));
        assertTrue(browser.getPageSource().contains("Sign in</a> to try the API"), "try-it needs an account");
        portal.screenshot("portal-documentation");
        portal.open("", "Catalog · Gatehouse");

        browser.findElement(By.linkText("Applications")).click();

        wait.until(ExpectedConditions.titleIs("Sign in · Gatehouse")); // applications need an account
        portal.screenshot("portal-sign-in");
    }
}
