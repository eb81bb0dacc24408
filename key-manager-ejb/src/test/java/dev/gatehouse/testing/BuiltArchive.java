package dev.gatehouse.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way integration tests get their deployment: the module's real build output (failsafe passes its path
 * as {@code gatehouse.archive}), never an archive assembled from hand-picked classes.
 */
public final class BuiltArchive {

    private BuiltArchive() {
    }

    public static WebArchive war() {
        return war(null);
    }

    /**
     * Deployed at the server's root ({@code ROOT.war}), where the product serves the runtime: its OAuth issuer and
     * the JWKS that MicroProfile JWT fetches are then at the URLs they have in production.
     */
    public static WebArchive atRoot() {
        return war("ROOT.war");
    }

    private static WebArchive war(String deployedName) {
        Path path = Path.of(System.getProperty("gatehouse.archive", "(gatehouse.archive not set)"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("No built archive at " + path + ": run the integration tests through"
                    + " Maven (mvn verify), which packages the module first.");
        }
        return ShrinkWrap.create(ZipImporter.class, deployedName == null ? path.getFileName().toString() : deployedName)
                .importFrom(path.toFile())
                .as(WebArchive.class);
    }
}
