package dev.gatehouse.runtime.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a request body each family of endpoints accepts, in bytes: what its largest honest request needs. The
 * OAuth endpoints take a few form fields, the JSON APIs small documents, an OpenAPI import a document of up to 2 MB
 * escaped into JSON. The gateway streams bodies of any size to backends unless a limit is set (0: none).
 */
@ApplicationScoped
public class RequestLimits {

    private static final Pattern API_IMPORT = Pattern.compile("/management/v1/apis(/[^/]+)?/?");

    @Inject
    @ConfigProperty(name = "gatehouse.limits.oauth-body", defaultValue = "16384")
    long oauthBody;

    @Inject
    @ConfigProperty(name = "gatehouse.limits.api-body", defaultValue = "1048576")
    long apiBody;

    @Inject
    @ConfigProperty(name = "gatehouse.limits.import-body", defaultValue = "6291456")
    long importBody;

    @Inject
    @ConfigProperty(name = "gatehouse.limits.gateway-body", defaultValue = "0")
    long gatewayBody;

    /** The endpoints a path belongs to, and their limit. */
    public record Limit(long bytes, boolean oauth, boolean streamed) {
        public boolean bounded() {
            return bytes > 0;
        }
    }

    /** The limit for a path below the application's context root. */
    public Limit of(String path) {
        if (path.startsWith("/oauth2/")) {
            return new Limit(oauthBody, true, false);
        }
        if (path.startsWith("/api/")) {
            return new Limit(gatewayBody, false, true);
        }
        if (API_IMPORT.matcher(path).matches()) {
            return new Limit(importBody, false, false);
        }
        return new Limit(apiBody, false, false);
    }
}
