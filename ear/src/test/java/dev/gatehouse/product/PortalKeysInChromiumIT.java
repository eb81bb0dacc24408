package dev.gatehouse.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed's flow in headless Chromium on the product as the run command starts it (screenshots in portal-keys/). */
@ExtendWith(ProductExtension.class)
class PortalKeysInChromiumIT {

    @Test
    void aDeveloperWalksTheSeedInThePortal(RunningProduct product) throws Exception {
        SeedInBrowser.walkOn(product::uri, "portal-keys");
    }
}
