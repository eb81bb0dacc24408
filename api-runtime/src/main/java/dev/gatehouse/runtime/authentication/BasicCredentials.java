package dev.gatehouse.runtime.authentication;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user-id and password of an {@code Authorization: Basic} header (RFC 7617), if it is well-formed. */
public record BasicCredentials(String id, String password) {

    private static final int MAX_HEADER = 4096;

    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + id + "]";
    }
}
