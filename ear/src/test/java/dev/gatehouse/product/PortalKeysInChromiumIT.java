package dev.gatehouse.product;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/** The seed's flow in headless Chromium on the product as the run command starts it (screenshots in portal-keys/). */
@ExtendWith(ProductExtension.class)
class PortalKeysInChromiumIT {

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aDeveloperWalksTheSeedInThePortal(RunningProduct product) throws Exception {
        new SeedInBrowser(browser, product::uri, "portal-keys").walk();
    }
}
