package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A developer calls an API as a person from its documentation: the application lets the try-it console sign people
 * in, Swagger UI's Authorize runs the application's authorization-code flow with PKCE in a window of its own (the
 * portal's consent page, then the portal's redirect page, which hands the code back), and the try-it call goes to
 * the gateway with the person's token, not a client-credentials one.
 */
@ExtendWith(ProductExtension.class)
class TryItAsAPersonInChromiumIT {

    private static final Pattern BEARER = Pattern.compile("Authorization: Bearer ([A-Za-z0-9._-]+)");

    private final ProductHttp http = new ProductHttp();

    @Test
    void authorizeSignsThePersonInAndTheConsoleCallsTheGatewayInTheirName(RunningProduct product, PortalBrowser portal)
            throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
        String context = "till-" + UUID.randomUUID().toString().substring(0, 6);
        String document = """
                openapi: 3.0.3
                info: {title: Till, version: 1.0.0}
                paths:
                  /float:
                    get:
                      responses:
                        '200':
                          description: the float
                          content:
                            application/json:
                              example: {float: 150}
                """;
        TryItConsole console = new TryItConsole(product);
        String apiId = console.publish(document, context);
        TryItConsole.Developer developer = console.subscribe("person-", "Till App", apiId);
        String clientId = developer.clientId();

        TryItConsole.openDocumentation(portal, developer, apiId);
        // before the developer allows it, the page says where to
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tryit:sign-in"))).getText()
                .contains("To call as a person"));
        http.expect(200, "PUT", product.uri("developer/v1/applications/" + developer.applicationId()
                + "/keys/PRODUCTION/configuration"), developer.basic(), Json.createObjectBuilder()
                        .add("grantTypes", Json.createArrayBuilder().add("client_credentials").add("authorization_code"))
                        .add("accessTokenLifetimeSeconds", 600).add("refreshTokenLifetimeSeconds", 3600)
                        .add("pkceRequired", true).add("publicClient", false).add("tryItConsole", true)
                        .build().toString());

        portal.open("apis/documentation.xhtml?id=" + apiId);
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tryit:sign-in"))).getText()
                .contains("Or call as a person"));
        WebElement operation = TryItConsole.getOperation(wait, "/float");
        browser.findElement(By.cssSelector(".auth-wrapper .authorize")).click();
        WebElement clientIdField = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("client_id_authorizationCode")));
        assertEquals(clientId, clientIdField.getAttribute("value"), "the chosen application's production client id");
        browser.findElement(By.id("client_secret_authorizationCode")).sendKeys(developer.secret());
        String consoleWindow = browser.getWindowHandle();
        browser.findElement(By.cssSelector(".auth-btn-wrapper .modal-btn.authorize")).click();

        // the sign-in window: signed in already, so the consent page, then the redirect page, which closes it
        wait.until(driver -> driver.getWindowHandles().size() == 2);
        String signIn = browser.getWindowHandles().stream().filter(handle -> !handle.equals(consoleWindow)).findFirst()
                .orElseThrow();
        browser.switchTo().window(signIn);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("decision:allow")));
        assertEquals("Till App", browser.findElement(By.id("application-name")).getText());
        portal.screenshot("try-it-as-a-person-consent");
        browser.findElement(By.id("decision:allow")).click();
        wait.until(driver -> driver.getWindowHandles().size() == 1);
        browser.switchTo().window(consoleWindow);

        // Swagger UI redeemed the code at the token endpoint: the dialog now offers to log the person out
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".auth-btn-wrapper button[aria-label='Remove authorization']")));
        browser.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();
        WebElement status = TryItConsole.execute(portal, operation, "try-it-as-a-person");
        assertEquals("200", status.getText().strip());
        assertEquals(List.of(), browser.executeScript("return window.blocked"), "nothing the portal needs is blocked");

        Matcher bearer = BEARER.matcher(browser.findElement(By.cssSelector(".opblock-get .curl-command")).getText());
        assertTrue(bearer.find(), "the call carried a token");
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(
                bearer.group(1).split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        assertEquals(developer.accountId(), claims.getString("sub"), "the token acts for the person signed in");
        assertEquals(clientId, claims.getString("client_id"));
    }
}
