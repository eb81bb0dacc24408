package dev.gatehouse.portal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the portal serves Swagger UI from: its webjar, whose path names its version. */
final class SwaggerUi {

    static final String VERSION = webjarVersion();

    private SwaggerUi() {
    }

    /** The webjar's directory under the portal's context path. */
    static String path(String contextPath) {
        return contextPath + "/webjars/swagger-ui/" + VERSION;
    }

    private static String webjarVersion() {
        try (InputStream in = SwaggerUi.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("The swagger-ui webjar is missing from the portal", e));
        }
    }
}
