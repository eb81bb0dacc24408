package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A product of its own, started with a generated administrator password: until it is changed, the REST APIs
 * answer 403 and the portal shows only the change-password page.
 */
class FirstSignInInChromiumIT {

    @Test
    void theGeneratedAdministratorPasswordMustBeChangedAtTheFirstSignIn() throws Exception {
        try (RunningProduct product = RunningProduct.start()) {
            String generated = Administrator.generatedPassword(product);
            String before = Administrator.basic(Administrator.USERNAME, generated);
            HttpResponse<String> refused = Administrator.send(product, "GET", "management/v1/apis", before, null);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"reason\":\"password_change_required\""), refused.body());

            ChromeDriver browser = HeadlessChromium.open();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(product.uri("devportal/signin.xhtml").toString());
                browser.findElement(By.id("signin:username")).sendKeys(Administrator.USERNAME);
                browser.findElement(By.id("signin:password")).sendKeys(generated);
                browser.findElement(By.id("signin:submit")).click();
                wait.until(ExpectedConditions.titleIs("Change password · Gatehouse"));
                browser.get(product.uri("devportal/publisher/index.xhtml").toString());
                assertEquals("Change password · Gatehouse", browser.getTitle(), "nothing else until it is changed");

                browser.findElement(By.id("password:current")).sendKeys(generated);
                browser.findElement(By.id("password:new")).sendKeys(Administrator.CHOSEN_PASSWORD);
                browser.findElement(By.id("password:repeated")).sendKeys(Administrator.CHOSEN_PASSWORD);
                browser.findElement(By.id("password:submit")).click();
                wait.until(ExpectedConditions.titleIs("Applications · Gatehouse"));
                wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Publisher"))).click();
                wait.until(ExpectedConditions.titleIs("Publisher · Gatehouse"));
            } finally {
                browser.quit();
            }

            assertEquals(401, Administrator.send(product, "GET", "management/v1/apis", before, null).statusCode());
            assertEquals(200, Administrator.send(product, "GET", "management/v1/apis",
                    Administrator.basic(Administrator.USERNAME, Administrator.CHOSEN_PASSWORD), null).statusCode());
        }
    }
}
