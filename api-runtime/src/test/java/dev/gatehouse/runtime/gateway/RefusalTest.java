package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefusalTest {

    /** RFC 6750 §3: error_description and scope are %x20-21 / %x23-5B / %x5D-7E, inside one quoted string. */
    private static void assertOneSafeQuotedString(String challenge, String attribute) {
        int start = challenge.indexOf(attribute + "=\"") + attribute.length() + 2;
        int end = challenge.indexOf('"', start);
        assertTrue(challenge.substring(start, end).matches("[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*"), challenge);
        assertTrue(challenge.chars().allMatch(c -> c >= 0x20 && c < 0x7f), challenge);
    }

    @Test
    void callerTextCannotBreakOutOfTheChallenge() {
        String challenge = Refusal.bearerError("invalid_token", "alg RS256\"\r\nSet-Cookie: a=b\\\u00e9\u0000 end");

        assertOneSafeQuotedString(challenge, "error_description");
        assertTrue(challenge.endsWith(" end\""), challenge);
        assertEquals(3, challenge.chars().filter(c -> c == ',').count() + 1, challenge);
    }

    @Test
    void scopesInTheInsufficientScopeChallengeAreSafeToo() {
        String challenge = Refusal.insufficientScope("items:write \"x\"\r\ny").headers().get("WWW-Authenticate");

        assertOneSafeQuotedString(challenge, "error_description");
        assertOneSafeQuotedString(challenge, "scope");
        assertTrue(challenge.endsWith("\""), challenge);
    }
}
