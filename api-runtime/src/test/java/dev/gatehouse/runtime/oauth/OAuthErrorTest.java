package dev.gatehouse.runtime.oauth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OAuthErrorTest {

    @Test
    void theDescriptionIsPrintableAsciiWithoutQuotesOrBackslashes() {
        // the message is what toResponse() writes as error_description
        String description = OAuthError.unsupportedGrantType("Grant type evil\r\nSet-Cookie: a=\"b\"\\\u00e9\t"
                + "\u0000 is not supported.").getMessage();

        // RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E
        assertTrue(description.matches("[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]+"), description);
        assertTrue(description.startsWith("Grant type evil") && description.endsWith("is not supported."), description);
    }
}
