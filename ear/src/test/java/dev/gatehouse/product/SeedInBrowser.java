package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's flow in a real browser, against any deployment of the product (Payara Micro, or the EAR on an
 * application server): sign up, sign in, Create Application, catalog, PizzaShack, Subscribe, Generate Key (the
 * secret read from the dialog), Advanced Configuration, Token: Generate; the keys and the token from the page then
 * work against the OAuth2 endpoints and the gateway, Swagger UI's try-it answers 200, and after Change plan and
 * Unsubscribe the gateway refuses the token.
 */
final class SeedInBrowser {

    private final PortalBrowser portal;
    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final Function<String, URI> uri;
    /** Per step, the serious and critical accessibility violations axe-core found (none, it is to be hoped). */
    private final Map<String, List<String>> inaccessible = new LinkedHashMap<>();

    /** {@code uri} resolves a path against the root of the deployment the browser is on, for the HTTP calls. */
    SeedInBrowser(PortalBrowser portal, Function<String, URI> uri) {
        this.portal = portal;
        this.browser = portal.driver();
        this.wait = portal.await();
        this.uri = uri;
    }

    /** The walk in a browser of its own on the deployment {@code uri} resolves against; screenshots in that folder. */
    static void walkOn(Function<String, URI> uri, String screenshots) throws Exception {
        try (var portal = new PortalBrowser(uri, screenshots)) {
            new SeedInBrowser(portal, uri).walk();
        }
    }

    void walk() throws Exception {
        try {
            steps();
            assertTrue(inaccessible.isEmpty(), "accessibility violations (axe-core, WCAG 2.1 A/AA, serious or"
                    + " critical) by step: " + inaccessible);
        } catch (Exception | AssertionError e) {
            screenshot("failed");
            throw e;
        }
    }

    private void steps() throws Exception {
        String username = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a browser password";

        // the walk starts from the API: "Sign in to subscribe", a new account made on the way, and back to the API
        portal.open("");
        screenshot("00-catalog");
        browser.findElement(By.linkText("PizzaShack")).click();
        wait.until(ExpectedConditions.titleIs("PizzaShack · Gatehouse"));
        String pizzaShack = browser.getCurrentUrl();
        browser.findElement(By.id("api:signin-to-subscribe")).click();
        wait.until(ExpectedConditions.titleIs("Sign in · Gatehouse"));
        screenshot("00-sign-in");
        browser.findElement(By.id("signup-link")).click();
        wait.until(ExpectedConditions.titleIs("Sign up · Gatehouse"));
        screenshot("00-sign-up");
        portal.submitSignUp(username, "Web Developer", password);
        wait.until(ExpectedConditions.titleIs("PizzaShack · Gatehouse"));
        assertEquals(pizzaShack, browser.getCurrentUrl(), "back on the API, signed in");
        assertEquals(username, browser.findElement(By.id("signed-in-user")).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "your account is ready"));
        screenshot("01-signed-up");

        // signed out and in again from the API page: back on it; the message said once
        browser.findElement(By.id("account:sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in")));
        browser.get(pizzaShack);
        browser.findElement(By.id("api:signin-to-subscribe")).click();
        wait.until(ExpectedConditions.titleIs("Sign in · Gatehouse"));
        portal.submitSignIn(username, "not " + password);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin"), "Wrong username or password."));
        assertEquals(1, occurrences(browser.findElement(By.tagName("body")).getText(), "Wrong username or password."),
                "said once, by the form");
        browser.findElement(By.id("signin:username")).clear();
        portal.submitSignIn(username, password);
        wait.until(ExpectedConditions.titleIs("PizzaShack · Gatehouse"));
        assertEquals(pizzaShack, browser.getCurrentUrl(), "back on the API it came from");
        browser.findElement(By.linkText("Applications")).click();
        wait.until(ExpectedConditions.titleIs("Applications · Gatehouse"));
        screenshot("02-applications");

        browser.findElement(By.id("create:name")).sendKeys("Browser App");
        browser.findElement(By.id("create:description")).sendKeys("<script>alert(1)</script>");
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.titleIs("Browser App · Gatehouse"));
        assertTrue(browser.getPageSource().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped, shown as text");
        String applicationUrl = browser.getCurrentUrl();
        screenshot("03-application");

        // the seed's steps 3 to 7: the catalog, an API, Subscribe with the application and a plan
        browser.findElement(By.linkText("Catalog")).click();
        browser.findElement(By.linkText("PizzaShack")).click();
        wait.until(ExpectedConditions.titleIs("PizzaShack · Gatehouse"));
        String apiUrl = browser.getCurrentUrl();
        String operations = browser.findElement(By.id("main")).getText();
        assertTrue(operations.contains("orders:write"), "the operation's scope, as text: " + operations);
        assertFalse(operations.contains("[orders:write]") || operations.contains("[]"), "no Java lists: " + operations);
        // the keyboard alone: the dialog takes the focus and keeps it, Escape closes it and the focus returns
        browser.findElement(By.id("api:subscribe")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("api:confirm-subscribe")));
        wait.until(driver -> focusInside("api:subscribe-dialog")); // once the dialog has faded in
        for (int tab = 0; tab < 12; tab++) {
            assertTrue(focusInside("api:subscribe-dialog"), "the focus stays in the dialog, tab " + tab);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("api:subscribe-dialog")));
        wait.until(driver -> "api:subscribe".equals(browser.switchTo().activeElement().getAttribute("id"))); // given back

        browser.findElement(By.id("api:subscribe")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("api:confirm-subscribe"))).click();
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "the subscription is active"));
        } finally {
            screenshot("03a-subscribe-dialog");
        }
        // done: the dialog closes, the growl says it once, and the page tells with which application
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("api:subscribe-dialog")));
        assertEquals(1, occurrences(browser.findElement(By.tagName("body")).getText(), "the subscription is active"));
        WebElement subscribedWith = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api:subscribed-with")));
        assertTrue(subscribedWith.getText().contains("Subscribed with Browser App (") && subscribedWith.getText().contains(", Active)"),
                subscribedWith.getText());
        assertEquals(applicationUrl.substring(applicationUrl.indexOf("id=")),
                subscribedWith.findElement(By.linkText("Browser App")).getAttribute("href").replaceAll(".*[?&](id=)", "$1"));
        screenshot("03b-subscribed");
        // Subscribe with a name typed in the dialog creates that application and subscribes it at once; an
        // application already subscribed is not offered again
        browser.findElement(By.id("api:subscribe")).click();
        WebElement typed = wait.until(ExpectedConditions.elementToBeClickable(By.id("api:new-application")));
        assertFalse(browser.findElement(By.id("api:subscribe-dialog")).getText().contains("Browser App"),
                "Browser App is already subscribed");
        typed.sendKeys("Typed App");
        browser.findElement(By.id("api:confirm-subscribe")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("api:subscribed-with"), "Typed App"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("api:subscribe-dialog")));
        screenshot("03c-subscribed-typed-application");
        browser.get(applicationUrl);
        wait.until(ExpectedConditions.titleIs("Browser App · Gatehouse"));

        WebElement generate = button("Generate Key");
        generate.click();
        WebElement secretField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='dialog-secret']")));
        String clientId = browser.findElement(By.cssSelector("input[id$='dialog-key']")).getAttribute("value");
        String secret = secretField.getAttribute("value");
        assertTrue(browser.getPageSource().contains("will not be shown again"));
        screenshot("04-generated-key");
        // the copy buttons stay inside the dialog, on a desktop and on a phone
        for (int width : new int[] {1280, 400}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            Number overflow = (Number) browser.executeScript("""
                    const dialog = arguments[0].closest('.ui-dialog');
                    const right = Math.min(dialog.getBoundingClientRect().right, document.documentElement.clientWidth);
                    return Math.max(...[...dialog.querySelectorAll('.gh-copy button')]
                            .map(button => button.getBoundingClientRect().right - right));""", secretField);
            screenshot("04-generated-key-" + width);
            assertTrue(overflow.doubleValue() <= 0, "at " + width + " px a copy button overflows the dialog or the screen by " + overflow + " px");
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.findElement(By.cssSelector("button[id$='close-secret']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[id$='dialog-secret']")));

        WebElement advanced = browser.findElement(By.xpath("//fieldset[legend[contains(., 'Advanced Configuration')]]"));
        assertEquals("rgba(0, 0, 0, 0)", advanced.getCssValue("border-top-color"),
                "collapsed, the Advanced Configuration is its legend alone, not an empty box");
        browser.findElement(By.xpath("//legend[contains(., 'Advanced Configuration')]")).click();
        WebElement lifetime = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='access-lifetime_input']")));
        assertEquals("3600", lifetime.getAttribute("value"), "seconds without thousands separators");
        lifetime.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1800");
        button("Save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Advanced configuration saved"));
        screenshot("05-advanced-configuration");
        WebElement created = browser.findElement(By.cssSelector("[id$='secrets'] time.gh-instant"));
        assertFalse(created.getText().matches(".*\\d{4}-\\d{2}-\\d{2}T.*"), "a readable date, not an ISO instant: " + created.getText());
        assertTrue(created.getAttribute("title").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), "the full instant in a tooltip");

        // a validity above the lifetime is refused with the message, not clamped
        browser.findElement(By.cssSelector("input[id$='token-validity_input']")).sendKeys("999999");
        button("Generate").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "between 60 and 1800"));
        assertTrue(browser.findElements(By.cssSelector("textarea[id$='access-token']")).isEmpty(), "no token");
        assertEquals("999999", browser.findElement(By.cssSelector("input[id$='token-validity_input']")).getAttribute("value"),
                "the refused validity stays as typed, not clamped");
        browser.findElement(By.cssSelector("input[id$='token-validity_input']")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        button("Generate").click();
        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='access-token']")));
        String token = tokenField.getAttribute("value");
        assertTrue(browser.getPageSource().contains("valid 1800 s"), "the saved lifetime applies");
        assertTrue(browser.getPageSource().contains("scope: orders:write"), "the subscription's scopes are in the token");
        String curl = browser.findElement(By.cssSelector("pre.gh-curl")).getText();
        assertTrue(curl.endsWith("/api/pizzashack/1.0.0/menu"), "a ready-made curl command for an operation: " + curl);
        screenshot("06-token");

        String basic = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        var introspection = post("oauth2/introspect", basic, "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertEquals(200, introspection.statusCode(), introspection.body());
        assertTrue(introspection.body().contains("\"active\":true"), introspection.body());
        assertTrue(introspection.body().contains("\"client_id\":\"" + clientId + "\""), introspection.body());
        var clientCredentials = post("oauth2/token", basic, "grant_type=client_credentials");
        assertEquals(200, clientCredentials.statusCode(), "the secret from the dialog works: " + clientCredentials.body());

        // the seed's last step: the token from the page calls the API through the gateway
        var menu = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(curl.substring(curl.lastIndexOf(' ') + 1)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, menu.statusCode(), menu.body());
        assertTrue(menu.body().contains("Margherita"), menu.body());

        browser.navigate().refresh();
        assertFalse(browser.getPageSource().contains(secret), "the secret is never shown again");

        // Documentation: Swagger UI, whose try-it goes through the gateway with a token of the application
        browser.get(apiUrl);
        browser.findElement(By.id("api:documentation")).click();
        wait.until(ExpectedConditions.titleIs("PizzaShack documentation · Gatehouse"));
        WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'opblock-get')]//*[contains(@class,'opblock-summary-path') and @data-path='/menu']")));
        screenshot("07-documentation");
        assertTrue(browser.findElements(By.cssSelector("h3.opblock-tag[data-tag='default']")).isEmpty(),
                "every operation under one of the document's tags");
        assertFalse(browser.findElements(By.xpath("//div[contains(@class,'opblock-tag-section')][.//h3[@data-tag='food']]"
                + "//*[@data-path='/menu']")).isEmpty(), "the food tag holds the menu");
        browser.findElement(By.id("tryit:use-token")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Try it out now sends"));
        operation.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get .try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock-get button.execute"))).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".opblock-get .live-responses-table tr.response .response-col_status")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", status);
        screenshot("08-try-it");
        assertEquals("200", status.getText().strip());
        assertTrue(browser.findElement(By.cssSelector(".opblock-get .live-responses-table")).getText()
                .contains("Margherita"));
        // Subscriptions on the application's page: change the plan, then unsubscribe, which the gateway honours
        browser.get(applicationUrl);
        wait.until(ExpectedConditions.titleIs("Browser App · Gatehouse"));
        assertEquals("Active", browser.findElement(By.cssSelector("span[id$='status']")).getText());
        browser.findElement(By.cssSelector("div[id$=':plan']")).click();
        // a click while the list is still sliding open is taken as a hover, not a choice: wait until it is open
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-selectonemenu-panel[class*='enter-done']")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//li[contains(@class,'ui-selectonemenu-item') and starts-with(normalize-space(.), 'Gold')]"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[id$=':plan_label']"), "Gold (5000 requests/minute)"));
        browser.findElement(By.cssSelector("button[id$='change-plan']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"), "Plan changed"));
        assertEquals("Gold (5000 requests/minute)", browser.findElement(By.cssSelector("[id$=':plan_label']")).getText(),
                "the menu shows the plan now in force");
        screenshot("09-plan-changed");
        assertEquals(browser.findElement(By.cssSelector("button[id$='change-plan']")).getLocation().getY(),
                browser.findElement(By.cssSelector("button[id$='unsubscribe']")).getLocation().getY(),
                "Change plan and Unsubscribe side by side");
        browser.findElement(By.cssSelector("button[id$='unsubscribe']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions"), "No subscriptions yet"));
        screenshot("10-unsubscribed");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(1);
        var refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.apply("api/pizzashack/1.0.0/menu"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        while (refused.statusCode() == 200 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.apply("api/pizzashack/1.0.0/menu"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"reason\":\"not_subscribed\""), refused.body());

        // the application's Usage tab: the calls above, and the refusal with its reason and what to do about it
        browser.get(applicationUrl);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("usage-tab"))).click();
        wait.until(ExpectedConditions.titleIs("Usage of Browser App · Gatehouse"));
        java.time.Instant written = java.time.Instant.now().plusSeconds(20); // the nodes write every 5 s
        while (browser.findElement(By.id("refused")).getText().equals("0") && java.time.Instant.now().isBefore(written)) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        assertEquals("1", browser.findElement(By.id("refused")).getText(), "the one refused call");
        assertEquals("not_subscribed: 1", browser.findElement(By.id("reasons")).getText());
        assertTrue(Integer.parseInt(browser.findElement(By.id("calls")).getText()) >= 3,
                "the curl call, the try-it call and the refused one");
        String refusals = browser.findElement(By.id("refusals")).getText();
        assertTrue(refusals.contains("not_subscribed") && refusals.contains("403")
                && refusals.contains("Subscribe the application to this API"), refusals);
        assertFalse(browser.getPageSource().contains(token), "the usage page never shows a token");
        assertTrue(browser.findElement(By.id("operations")).getText().contains("GET /menu"));
        assertFalse(browser.findElements(By.cssSelector(".gh-chart canvas")).isEmpty(), "the chart is drawn");
        screenshot("11-usage");
        browser.findElement(By.linkText("Last 7 days")).click();
        wait.until(ExpectedConditions.attributeToBe(By.linkText("Last 7 days"), "aria-current", "true"));
        assertEquals("1", browser.findElement(By.id("refused")).getText(), "the same refusal over the week, by the hour");
        screenshot("12-usage-week");
    }

    private boolean focusInside(String id) {
        return (Boolean) browser.executeScript("return document.getElementById(arguments[0]).contains(document.activeElement)", id);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private WebElement button(String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'ui-tabs-panel') and not(contains(@class,'ui-helper-hidden'))]"
                        + "//button[normalize-space(.)='" + label + "']")));
    }

    private HttpResponse<String> post(String path, String authorization, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.apply(path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A screenshot of the step, and axe-core's check of the page as it is then. */
    private void screenshot(String name) throws Exception {
        portal.screenshot(name);
        if (!name.equals("failed")) {
            List<String> violations = Accessibility.violations(browser);
            if (!violations.isEmpty()) {
                inaccessible.put(name, violations);
            }
        }
    }
}
