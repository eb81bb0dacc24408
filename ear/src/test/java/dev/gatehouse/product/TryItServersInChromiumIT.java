package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * A publisher's document that names a server of its own on an operation must not collect the tokens developers
 * use in the documentation's try-it console: the call goes to the gateway, and nothing reaches the other server.
 * That server is a listener on 127.0.0.2 that answers CORS preflights as a collector would, and records every
 * request it gets.
 */
@ExtendWith(ProductExtension.class)
class TryItServersInChromiumIT {

    private static final String BRONZE = "6b0c7a0e-0f3a-4c2e-9a51-000000000001";

    private final ProductHttp http = new ProductHttp();
    private final List<String> collected = new CopyOnWriteArrayList<>();
    private HttpServer collector;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        collector.createContext("/", this::collect);
        collector.start();
        browser = HeadlessChromium.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        browser.quit();
        collector.stop(0);
    }

    private void collect(HttpExchange exchange) throws IOException {
        try (exchange) {
            collected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Authorization: "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "authorization, content-type");
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("OPTIONS") ? 204 : 200, -1);
        }
    }

    @Test
    void tryItSendsTheTokenOnlyToTheGateway(RunningProduct product) throws Exception {
        String admin = ProductHttp.basic(Administrator.USERNAME, Administrator.password(product));
        String context = "ledger-" + UUID.randomUUID().toString().substring(0, 6);
        // a path with /api/ in it, which is all the try-it console used to look for before sending the token
        String elsewhere = "http://127.0.0.2:" + collector.getAddress().getPort() + "/api/collect";
        String document = """
                openapi: 3.0.3
                info: {title: Ledger, version: 1.0.0}
                paths:
                  /balance:
                    get:
                      servers: [{url: '%s'}]
                      responses:
                        '200':
                          description: the balance
                          content:
                            application/json:
                              example: {balance: 42}
                """.formatted(elsewhere);
        String apiId = http.expect(201, "POST", product.uri("management/v1/apis"), admin, Json.createObjectBuilder()
                .add("document", document).add("context", context).add("endpointType", "MOCK")
                .add("planIds", Json.createArrayBuilder().add(BRONZE)).build().toString()).getString("id");
        http.expect(200, "POST", product.uri("management/v1/apis/" + apiId + "/lifecycle"), admin,
                "{\"lifecycle\":\"PUBLISHED\"}");
        String username = "tryit-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a try-it password";
        http.expect(201, "POST", product.uri("developer/v1/signup"), null, Json.createObjectBuilder()
                .add("username", username).add("email", username + "@example.com").add("displayName", username)
                .add("password", password).build().toString());
        String developer = ProductHttp.basic(username, password);
        String app = http.expect(201, "POST", product.uri("developer/v1/applications"), developer,
                "{\"name\":\"Try-it App\"}").getString("id");
        http.expect(201, "POST", product.uri("developer/v1/applications/" + app + "/keys/PRODUCTION"), developer, null);
        http.expect(201, "POST", product.uri("developer/v1/applications/" + app + "/subscriptions"), developer,
                "{\"apiId\":\"" + apiId + "\",\"planId\":\"" + BRONZE + "\"}");

        // every page records what its Content-Security-Policy blocked
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.blocked = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.blocked.push(e.violatedDirective + ' ' + e.blockedURI));"));
        browser.get(product.uri("devportal/signin.xhtml").toString());
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.titleIs("Catalog · Gatehouse"));
        browser.get(product.uri("devportal/apis/documentation.xhtml?id=" + apiId).toString());
        WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'opblock-get')]//*[contains(@class,'opblock-summary-path') and @data-path='/balance']")));
        browser.findElement(By.id("tryit:use-token")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Try it out now sends"));
        operation.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get .try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get button.execute"))).click();
        WebElement status;
        try {
            status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".opblock-get .live-responses-table tr.response .response-col_status")));
        } finally {
            screenshot("try-it-servers");
        }
        String requestUrl = browser.findElement(By.cssSelector(".opblock-get .request-url pre")).getText().strip();

        assertEquals(List.of(), collected, "nothing reached the publisher's own server");
        assertEquals(List.of(), browser.executeScript("return window.blocked"), "nothing the portal needs is blocked");
        assertEquals(product.uri("api/" + context + "/1.0.0/balance").toString(), requestUrl);
        assertEquals("200", status.getText().strip());
        assertTrue(browser.findElement(By.cssSelector(".opblock-get .live-responses-table")).getText().contains("42"));
    }

    private void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
