package dev.gatehouse.keymanager.tokens;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Token and signing-key configuration, read once per bean from MicroProfile Config. */
public record TokenSettings(String issuer, String audience, String algorithm, Duration maxLifetime,
        Duration publicationDelay, Duration rotationPeriod) {

    public static TokenSettings fromConfig() {
        Config config = ConfigProvider.getConfig(TokenSettings.class.getClassLoader());
        String algorithm = config.getOptionalValue("gatehouse.tokens.algorithm", String.class).orElse("RS256");
        if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
            throw new IllegalStateException("gatehouse.tokens.algorithm must be RS256 or ES256, not " + algorithm);
        }
        return new TokenSettings(
                config.getOptionalValue("gatehouse.oauth.issuer", String.class).orElse("http://localhost:8080"),
                config.getOptionalValue("gatehouse.oauth.audience", String.class).orElse("gatehouse"),
                algorithm,
                duration(config, "gatehouse.tokens.max-lifetime", "PT24H"),
                duration(config, "gatehouse.keys.publication-delay", "PT5M"),
                duration(config, "gatehouse.keys.rotation-period", "P30D"));
    }

    private static Duration duration(Config config, String key, String fallback) {
        return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
    }
}
