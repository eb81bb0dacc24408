package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The publisher's page in headless Chromium: the administrator creates an API from a document and publishes it; a
 * publisher's list of APIs comes a page at a time.
 */
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

    @Test
    void theAdministratorCreatesAndPublishesAnApi(RunningProduct product, PortalBrowser portal) throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
        String password = Administrator.password(product); // the generated one, changed as the first sign-in must
        String context = "parcels-" + UUID.randomUUID().toString().substring(0, 6);

        portal.signIn("admin", password, "Publisher · Gatehouse"); // where an administrator lands

        // a business plan whose subscriptions need approval, offered by the new API
        browser.findElement(By.id("plans-tab")).click();
        wait.until(ExpectedConditions.titleIs("Business plans · Gatehouse"));
        String planName = "Partner " + context.substring(8);
        browser.findElement(By.id("plans:name")).sendKeys(planName);
        browser.findElement(By.id("plans:limit_input")).sendKeys("10");
        browser.findElement(By.xpath("//div[@id='plans:approval']//div[contains(@class,'ui-chkbox-box')]")).click();
        browser.findElement(By.id("plans:create-plan")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                "Plan " + planName + " created: 10 requests/minute, subscriptions need approval"));
        Accessibility.assertAccessible(browser, "Business plans");

        // importing an API opens its own page, which offers to publish it
        browser.findElement(By.id("apis-tab")).click();
        wait.until(ExpectedConditions.titleIs("Publisher · Gatehouse"));
        browser.findElement(By.id("create:document")).sendKeys(DOCUMENT);
        browser.findElement(By.id("create:context")).sendKeys(context);
        browser.findElement(By.xpath("//label[starts-with(normalize-space(.), '" + planName + "')]")).click();
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.titleIs("Parcels 2.1.0 · Gatehouse"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Created Parcels 2.1.0"));
        String apiPage = browser.getCurrentUrl();
        portal.screenshot("publisher-created");
        assertEquals("Created", browser.findElement(By.id("overview:lifecycle")).getText());
        assertTrue(browser.findElement(By.id("overview")).getText().contains(planName + " (10 requests/minute)"));
        browser.findElement(By.xpath("//form[@id='overview']//button[normalize-space(.)='Publish']")).click();
        WebElement yes = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        assertEquals("Publish Parcels 2.1.0?", browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-dialog-title"))
                .getText(), "the question names the action and the API");
        assertFalse(yes.getAttribute("class").contains("ui-button-danger"), "publishing is not a danger");
        yes.click();
        wait.until(ExpectedConditions.textToBe(By.id("overview:lifecycle"), "Published"));
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history.contains("Published") && history.contains("admin") && history.contains("Imported"), history);
        portal.screenshot("publisher-published");

        HttpResponse<String> catalog = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                product.uri("developer/v1/apis?search=" + context)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(catalog.body().contains("\"total\":1"), catalog.body());
        assertTrue(catalog.body().contains("\"name\":\"Parcels\""), catalog.body());

        // a developer subscribes under the approval plan; the publisher sees whose subscription waits, and approves
        jakarta.json.JsonObject api;
        try (var reader = Json.createReader(new java.io.StringReader(catalog.body()))) {
            api = reader.readObject().getJsonArray("items").getJsonObject(0);
        }
        String apiId = api.getString("id");
        String planId = api.getJsonArray("plans").getJsonObject(0).getString("id");
        assertEquals(planName, api.getJsonArray("plans").getJsonObject(0).getString("name"));
        Developer developer = Developer.signUp(product);
        String app = developer.post("developer/v1/applications", "{\"name\":\"Parcel tracker\"}", "id");
        String subscription = developer.post("developer/v1/applications/" + app + "/subscriptions",
                "{\"apiId\":\"" + apiId + "\",\"planId\":\"" + planId + "\"}", "status");
        assertEquals("ON_HOLD", subscription);
        browser.findElement(By.linkText("← APIs")).click();
        wait.until(ExpectedConditions.titleIs("Publisher · Gatehouse"));
        String awaiting = browser.findElement(By.id("awaiting")).getText();
        assertTrue(awaiting.contains("Parcel tracker") && awaiting.contains("Subscriber"),
                "the application and its developer: " + awaiting);
        Accessibility.assertAccessible(browser, "Publisher");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[id^='awaiting:table:0:approve']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                "Approved: Parcels 2.1.0 for Parcel tracker (Subscriber)"));
        portal.screenshot("publisher-approved");
        assertTrue(developer.get("developer/v1/applications/" + app + "/subscriptions").contains("\"status\":\"ACTIVE\""));

        // the developer calls the API twice; the publisher's page and the administrator's Usage page show it
        String keys = developer.send("POST", "developer/v1/applications/" + app + "/keys/PRODUCTION", null);
        String clientId = keys.replaceAll("(?s)^.*?\"clientId\":\"([^\"]+)\".*$", "$1");
        String secret = keys.replaceAll("(?s)^.*?\"value\":\"([^\"]+)\".*$", "$1");
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(product.uri("oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = token.body().replaceAll("(?s)^.*?\"access_token\":\"([^\"]+)\".*$", "$1");
        for (int call = 0; call < 2; call++) {
            HttpResponse<String> parcel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    product.uri("api/" + context + "/2.1.0/parcels/P-1")).header("Authorization", "Bearer " + accessToken)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, parcel.statusCode(), parcel.body());
        }
        portal.open("admin/usage.xhtml", "Usage · Gatehouse");
        java.time.Instant written = java.time.Instant.now().plusSeconds(20); // each node writes every 5 s
        while (!browser.findElement(By.id("operations")).getText().contains("Parcel tracker (Subscriber)")
                && java.time.Instant.now().isBefore(written)) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        String everything = browser.findElement(By.id("operations")).getText();
        assertTrue(everything.contains("Parcel tracker (Subscriber)") && everything.contains("GET /parcels/{id}"),
                everything);
        portal.screenshot("admin-usage");
        Accessibility.assertAccessible(browser, "Usage (administrator)");

        // the API's page lists its subscribers, where the publisher blocks and unblocks them
        browser.get(apiPage);
        wait.until(ExpectedConditions.titleIs("Parcels 2.1.0 · Gatehouse"));
        java.time.Instant bothWritten = java.time.Instant.now().plusSeconds(20); // the second call may come a write later
        while (!browser.findElement(By.id("usage-calls")).getText().equals("2")
                && java.time.Instant.now().isBefore(bothWritten)) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        String row = "//form[@id='subscribers']//tr[td[normalize-space(.)='Parcel tracker']]";
        assertEquals("Active", browser.findElement(By.xpath(row + "//span[contains(@id,'status')]")).getText());
        assertTrue(browser.findElement(By.xpath(row)).getText().contains("Subscriber"));
        browser.findElement(By.xpath(row + "//button[normalize-space(.)='Block']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBe(By.xpath(row + "//span[contains(@id,'status')]"), "Blocked"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(row + "//button[normalize-space(.)='Unblock']"))).click();
        wait.until(ExpectedConditions.textToBe(By.xpath(row + "//span[contains(@id,'status')]"), "Active"));
        assertEquals("2", browser.findElement(By.id("usage-calls")).getText(), "the last day's usage");
        assertTrue(browser.findElement(By.id("usage-table")).getText().contains("Parcel tracker (Subscriber)"));

        // a new version of the document, in place: its new operation is listed, the subscription stays
        browser.findElement(By.id("document:text")).sendKeys(DOCUMENT + """
                  /parcels:
                    get:
                      responses:
                        '200': {description: every parcel}
                """);
        browser.findElement(By.id("document:update")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                "Updated the document of Parcels 2.1.0: 2 operation(s)"));
        assertTrue(browser.findElement(By.id("operations")).getText().contains("/parcels"));
        portal.screenshot("publisher-api");
        Accessibility.assertAccessible(browser, "Publisher's API page");
        assertTrue(developer.get("developer/v1/applications/" + app + "/subscriptions").contains("\"status\":\"ACTIVE\""));
    }

    /** A developer account over the developer REST API. */
    private record Developer(RunningProduct product, String basic) {
        static Developer signUp(RunningProduct product) throws Exception {
            String name = "sub-" + UUID.randomUUID().toString().substring(0, 8);
            new ProductHttp().signUp(product.uri("/"), name, "Subscriber", "a subscriber password");
            return new Developer(product, ProductHttp.basic(name, "a subscriber password"));
        }

        /** POSTs JSON and returns one string member of the answer. */
        String post(String path, String json, String member) throws Exception {
            String body = send(product, "POST", path, basic, json);
            return body.replaceAll("(?s)^.*?\"" + member + "\":\"([^\"]+)\".*$", "$1");
        }

        String get(String path) throws Exception {
            return send(product, "GET", path, basic, null);
        }

        String send(String method, String path, String json) throws Exception {
            return send(product, method, path, basic, json);
        }

        private static String send(RunningProduct product, String method, String path, String authorization,
                String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(product.uri(path)).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() / 100 == 2, path + " " + response.statusCode() + " " + response.body());
            return response.body();
        }
    }

    @Test
    void aDeveloperCannotOpenThePublisherPage(PortalBrowser portal) throws Exception {
        String username = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        portal.signUp(username, "Developer", "a developer password", "Catalog · Gatehouse"); // signed up is signed in

        assertTrue(portal.driver().findElements(By.linkText("Publisher")).isEmpty(),
                "no Publisher link for developers");
        portal.open("publisher/index.xhtml");

        assertEquals("Not allowed · Gatehouse", portal.driver().getTitle());
    }

    @Test
    void aPublishersApisComeTwentyToAPage(RunningProduct product, PortalBrowser portal) throws Exception {
        ProductHttp http = new ProductHttp();
        String name = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        String account = http.signUp(product.uri(""), name, "Pages", "a publisher password").getString("id");
        http.expect(200, "PUT", product.uri("management/v1/accounts/" + account + "/roles/PUBLISHER"),
                Administrator.basic(Administrator.USERNAME, Administrator.password(product)), null);
        String publisher = ProductHttp.basic(name, "a publisher password");
        for (int i = 1; i <= 21; i++) {
            String number = String.format(Locale.ROOT, "%02d", i);
            http.expect(201, "POST", product.uri("management/v1/apis"), publisher, Json.createObjectBuilder()
                    .add("document", "openapi: 3.0.3\ninfo: {title: Paged " + number + ", version: 1.0.0}\n"
                            + "paths: {/x: {get: {responses: {'200': {description: ok}}}}}\n")
                    .add("context", name + "-" + number).add("endpointType", "MOCK")
                    .add("planIds", Json.createArrayBuilder().add("6b0c7a0e-0f3a-4c2e-9a51-000000000001"))
                    .build().toString());
        }

        portal.signIn(name, "a publisher password", "Catalog · Gatehouse");
        portal.open("publisher/index.xhtml", "Publisher · Gatehouse");
        By rows = By.cssSelector("[id='apis:table_data'] > tr");
        List<WebElement> first = portal.driver().findElements(rows);
        assertEquals(20, first.size());
        assertTrue(first.get(0).getText().startsWith("Paged 01 1.0.0"), first.get(0).getText());
        assertTrue(first.get(19).getText().startsWith("Paged 20 1.0.0"), first.get(19).getText());

        portal.driver().findElement(By.cssSelector("[id='apis:table'] .ui-paginator-next")).click();
        portal.await().until(driver -> driver.findElements(rows).size() == 1);
        assertTrue(portal.driver().findElement(rows).getText().startsWith("Paged 21 1.0.0"),
                portal.driver().findElement(rows).getText());
        portal.screenshot("publisher-second-page");
        Accessibility.assertAccessible(portal.driver(), "Publisher, second page");
    }
}
