package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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

            try (PortalBrowser portal = new PortalBrowser(product, "")) {
                ChromeDriver browser = portal.driver();
                WebDriverWait wait = portal.await();
                portal.signIn(Administrator.USERNAME, generated, "Change password · Gatehouse");
                portal.open("publisher/index.xhtml");
                assertEquals("Change password · Gatehouse", browser.getTitle(), "nothing else until it is changed");

                browser.findElement(By.id("password:current")).sendKeys(generated);
                browser.findElement(By.id("password:new")).sendKeys(Administrator.CHOSEN_PASSWORD);
                browser.findElement(By.id("password:repeated")).sendKeys(Administrator.CHOSEN_PASSWORD);
                browser.findElement(By.id("password:submit")).click();
                wait.until(ExpectedConditions.titleIs("Applications · Gatehouse"));
                wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Publisher"))).click();
                wait.until(ExpectedConditions.titleIs("Publisher · Gatehouse"));
            }

            assertEquals(401, Administrator.send(product, "GET", "management/v1/apis", before, null).statusCode());
            assertEquals(200, Administrator.send(product, "GET", "management/v1/apis",
                    Administrator.basic(Administrator.USERNAME, Administrator.CHOSEN_PASSWORD), null).statusCode());
        }
    }
}
