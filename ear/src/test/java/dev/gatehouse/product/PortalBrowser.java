package dev.gatehouse.product;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium on the portal, with the steps every browser test takes the same way: open a portal page, sign up
 * or in through the portal's forms, take a screenshot. What is particular to one test stays in it, on
 * {@link #driver()} and {@link #await()}.
 */
final class PortalBrowser implements AutoCloseable {

    private final ChromeDriver driver = HeadlessChromium.open();
    private final WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    private final Function<String, URI> at;
    private final String screenshots;

    /** Screenshots go to that sub-directory of {@code gatehouse.screenshots}; "" is the directory itself. */
    PortalBrowser(RunningProduct product, String screenshots) {
        this(product::uri, screenshots);
    }

    /** For a deployment that is no {@link RunningProduct}: {@code at} resolves a path against its root. */
    PortalBrowser(Function<String, URI> at, String screenshots) {
        this.at = at;
        this.screenshots = screenshots;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 20 s. */
    WebDriverWait await() {
        return wait;
    }

    /** A page under {@code devportal/}; "" is the catalog. */
    void open(String portalPage) {
        driver.get(at.apply("devportal/" + portalPage).toString());
    }

    /** Opens the page and waits for its title: get() can return before the title is in the document. */
    void open(String portalPage, String title) {
        open(portalPage);
        wait.until(ExpectedConditions.titleIs(title));
    }

    /** From the sign-in page, waiting for nothing: a wrong password stays on the page. */
    void signIn(String username, String password) {
        open("signin.xhtml");
        submitSignIn(username, password);
    }

    /** Signs in and waits for the page it lands on. */
    void signIn(String username, String password, String landing) {
        signIn(username, password);
        wait.until(ExpectedConditions.titleIs(landing));
    }

    /** The sign-in form of the page shown, where a link or the authorization endpoint led. */
    void submitSignIn(String username, String password) {
        driver.findElement(By.id("signin:username")).sendKeys(username);
        driver.findElement(By.id("signin:password")).sendKeys(password);
        driver.findElement(By.id("signin:submit")).click();
    }

    /** A new account from the sign-up page; signed up is signed in, on the page it lands on. */
    void signUp(String username, String displayName, String password, String landing) {
        open("signup.xhtml");
        submitSignUp(username, displayName, password);
        wait.until(ExpectedConditions.titleIs(landing));
    }

    /** The sign-up form of the page shown, with an address at example.com. */
    void submitSignUp(String username, String displayName, String password) {
        driver.findElement(By.id("signup:username")).sendKeys(username);
        driver.findElement(By.id("signup:email")).sendKeys(username + "@example.com");
        driver.findElement(By.id("signup:displayName")).sendKeys(displayName);
        driver.findElement(By.id("signup:password")).sendKeys(password);
        driver.findElement(By.id("signup:submit")).click();
    }

    /** The page as it is now, as {@code name}.png. */
    void screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"), screenshots);
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
