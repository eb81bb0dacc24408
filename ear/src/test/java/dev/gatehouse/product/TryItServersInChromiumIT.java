package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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

    private final List<String> collected = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void start() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        collector.createContext("/", this::collect);
        collector.start();
    }

    @AfterEach
    void stop() {
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
    void tryItSendsTheTokenOnlyToTheGateway(RunningProduct product, PortalBrowser portal) throws Exception {
        ChromeDriver browser = portal.driver();
        WebDriverWait wait = portal.await();
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
        TryItConsole console = new TryItConsole(product);
        String apiId = console.publish(document, context);
        TryItConsole.Developer developer = console.subscribe("tryit-", "Try-it App", apiId);

        TryItConsole.openDocumentation(portal, developer, apiId);
        WebElement operation = TryItConsole.getOperation(wait, "/balance");
        browser.findElement(By.id("tryit:use-token")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Try it out now sends"));
        WebElement status = TryItConsole.execute(portal, operation, "try-it-servers");
        String requestUrl = browser.findElement(By.cssSelector(".opblock-get .request-url pre")).getText().strip();

        assertEquals(List.of(), collected, "nothing reached the publisher's own server");
        assertEquals(List.of(), browser.executeScript("return window.blocked"), "nothing the portal needs is blocked");
        assertEquals(product.uri("api/" + context + "/1.0.0/balance").toString(), requestUrl);
        assertEquals("200", status.getText().strip());
        assertTrue(browser.findElement(By.cssSelector(".opblock-get .live-responses-table")).getText().contains("42"));
    }
}
