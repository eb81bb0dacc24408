package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The publisher's page in headless Chromium: the administrator creates an API from a document and publishes it. */
@ExtendWith(ProductExtension.class)
class PublisherInChromiumIT {

    private static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: Parcels, version: 2.1.0, description: Track parcels}
            paths:
              /parcels/{id}:
                get:
                  responses:
                    '200':
                      description: a parcel
                      content:
                        application/json:
                          example: {id: P-1, status: IN_TRANSIT}
            """;

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

    @Test
    void theAdministratorCreatesAndPublishesAnApi(RunningProduct product) throws Exception {
        Matcher generated = Pattern.compile("GH-ACC-001 Created administrator \"admin\" with the generated password (\\S+)")
                .matcher(product.log());
        assertTrue(generated.find(), "the first start logs the administrator's password");
        String context = "parcels-" + UUID.randomUUID().toString().substring(0, 6);

        browser.get(product.uri("devportal/signin.xhtml").toString());
        browser.findElement(By.id("signin:username")).sendKeys("admin");
        browser.findElement(By.id("signin:password")).sendKeys(generated.group(1));
        browser.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Publisher"))).click();
        wait.until(ExpectedConditions.titleIs("Publisher · Gatehouse"));

        browser.findElement(By.id("create:document")).sendKeys(DOCUMENT);
        browser.findElement(By.id("create:context")).sendKeys(context);
        browser.findElement(By.xpath("//label[starts-with(normalize-space(.), 'Bronze')]")).click();
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Created Parcels 2.1.0"));
        screenshot("publisher-created");

        String row = "//tr[.//code[normalize-space(.)='/api/" + context + "/2.1.0']]";
        assertEquals("CREATED", browser.findElement(By.xpath(row + "//span[contains(@id,'lifecycle')]")).getText());
        browser.findElement(By.xpath(row + "//button[normalize-space(.)='PUBLISHED']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBe(By.xpath(row + "//span[contains(@id,'lifecycle')]"), "PUBLISHED"));
        screenshot("publisher-published");

        HttpResponse<String> catalog = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                product.uri("developer/v1/apis?search=" + context)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(catalog.body().contains("\"total\":1"), catalog.body());
        assertTrue(catalog.body().contains("\"name\":\"Parcels\""), catalog.body());
    }

    @Test
    void aDeveloperCannotOpenThePublisherPage(RunningProduct product) throws Exception {
        String username = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        browser.get(product.uri("devportal/signup.xhtml").toString());
        browser.findElement(By.id("signup:username")).sendKeys(username);
        browser.findElement(By.id("signup:email")).sendKeys(username + "@example.com");
        browser.findElement(By.id("signup:displayName")).sendKeys("Developer");
        browser.findElement(By.id("signup:password")).sendKeys("a developer password");
        browser.findElement(By.id("signup:submit")).click();
        wait.until(ExpectedConditions.titleIs("Sign in · Gatehouse"));
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys("a developer password");
        browser.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.titleIs("Applications · Gatehouse"));

        assertTrue(browser.findElements(By.linkText("Publisher")).isEmpty(), "no Publisher link for developers");
        browser.get(product.uri("devportal/publisher/index.xhtml").toString());

        assertEquals("Not allowed · Gatehouse", browser.getTitle());
    }

    private void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
