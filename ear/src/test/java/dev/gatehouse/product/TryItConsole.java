package dev.gatehouse.product;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the try-it console's tests start from: a published mock API, a new developer whose application has
 * production keys and is subscribed to it under Bronze, and that developer's browser on the API's documentation.
 */
final class TryItConsole {

    private static final String BRONZE = "6b0c7a0e-0f3a-4c2e-9a51-000000000001";

    /** The developer's account, HTTP Basic credentials, application and its production keys as generated. */
    record Developer(String username, String password, String accountId, String basic, String applicationId,
                     JsonObject keys) {

        String clientId() {
            return keys.getJsonObject("keys").getString("clientId");
        }

        String secret() {
            return keys.getJsonObject("secret").getString("value");
        }
    }

    private final ProductHttp http = new ProductHttp();
    private final RunningProduct product;

    TryItConsole(RunningProduct product) {
        this.product = product;
    }

    /** Imports the document as a mock API under the context, publishes it, and returns its id. */
    String publish(String document, String context) throws Exception {
        String admin = ProductHttp.basic(Administrator.USERNAME, Administrator.password(product));
        String apiId = http.expect(201, "POST", product.uri("management/v1/apis"), admin, Json.createObjectBuilder()
                .add("document", document).add("context", context).add("endpointType", "MOCK")
                .add("planIds", Json.createArrayBuilder().add(BRONZE)).build().toString()).getString("id");
        http.expect(200, "POST", product.uri("management/v1/apis/" + apiId + "/lifecycle"), admin,
                "{\"lifecycle\":\"PUBLISHED\"}");
        return apiId;
    }

    /** Signs a new developer up, creates the application with production keys, and subscribes it to the API. */
    Developer subscribe(String usernamePrefix, String applicationName, String apiId) throws Exception {
        String username = usernamePrefix + UUID.randomUUID().toString().substring(0, 8);
        String password = "a try-it password";
        String accountId = http.signUp(product.uri("/"), username, username, password).getString("id");
        String basic = ProductHttp.basic(username, password);
        String app = http.expect(201, "POST", product.uri("developer/v1/applications"), basic,
                Json.createObjectBuilder().add("name", applicationName).build().toString()).getString("id");
        JsonObject keys = http.expect(201, "POST",
                product.uri("developer/v1/applications/" + app + "/keys/PRODUCTION"), basic, null);
        http.expect(201, "POST", product.uri("developer/v1/applications/" + app + "/subscriptions"), basic,
                "{\"apiId\":\"" + apiId + "\",\"planId\":\"" + BRONZE + "\"}");
        return new Developer(username, password, accountId, basic, app, keys);
    }

    /**
     * Signs the developer in and opens the API's documentation. Every page from then on records what its
     * Content-Security-Policy blocked in {@code window.blocked}.
     */
    static void openDocumentation(PortalBrowser portal, Developer developer, String apiId) {
        portal.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.blocked = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.blocked.push(e.violatedDirective + ' ' + e.blockedURI));"));
        portal.signIn(developer.username(), developer.password(), "Catalog · Gatehouse");
        portal.open("apis/documentation.xhtml?id=" + apiId);
    }

    /** The GET operation of that path in Swagger UI, once it is rendered. */
    static WebElement getOperation(WebDriverWait wait, String path) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'opblock-get')]"
                + "//*[contains(@class,'opblock-summary-path') and @data-path='" + path + "']")));
    }

    /**
     * Opens the GET operation, tries it out and executes it: the response's status cell once it shows, and a
     * screenshot under that name whether it showed or not.
     */
    static WebElement execute(PortalBrowser portal, WebElement operation, String screenshot) throws IOException {
        WebDriverWait wait = portal.await();
        operation.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get .try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get button.execute"))).click();
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".opblock-get .live-responses-table tr.response .response-col_status")));
        } finally {
            portal.screenshot(screenshot);
        }
    }
}
