package dev.gatehouse.runtime.developer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.runtime.FromAddress;
import dev.gatehouse.runtime.RuntimeAtRoot;
import dev.gatehouse.runtime.RuntimeClient;
import dev.gatehouse.runtime.RuntimeClient.Developer;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Password guessing over HTTP Basic on a real Payara Micro, from two loopback addresses: the guesser's failures
 * slow the guesser, never the account's owner elsewhere (usernames are public; the administrator's is admin).
 */
class PasswordGuessingIT extends RuntimeAtRoot {

    private static final String GUESSER = "127.0.0.2";
    private static final String OWNER = "127.0.0.1";

    @Test
    void wrongPasswordsFromAnotherAddressDoNotLockTheAdministratorOut() throws Exception {
        URI server = base.toURI();
        for (int i = 0; i < 8; i++) {
            int status = FromAddress.send(GUESSER, server, "GET", "/management/v1/apis",
                    RuntimeClient.basic("admin", "guess " + i), null, null).status();
            assertTrue(status == 401 || status == 429, "a wrong password: " + status);
        }

        FromAddress.Answer owner = FromAddress.send(OWNER, server, "GET", "/management/v1/apis",
                RuntimeClient.basic("admin", "it-admin-password"), null, null);

        assertEquals(200, owner.status(), owner.body());
    }

    @Test
    void aGuessingAddressIsRefusedWithRetryAfterWhileTheOwnerSignsInFromItsOwn() throws Exception {
        URI server = base.toURI();
        Developer developer = new RuntimeClient(server).signUp();
        for (int i = 0; i < 8; i++) {
            FromAddress.send(GUESSER, server, "GET", "/developer/v1/applications",
                    RuntimeClient.basic(developer.username(), "guess " + i), null, null);
        }

        FromAddress.Answer guesser = FromAddress.send(GUESSER, server, "GET", "/developer/v1/applications",
                developer.basic(), null, null);
        FromAddress.Answer owner = FromAddress.send(OWNER, server, "GET", "/developer/v1/applications",
                developer.basic(), null, null);

        assertEquals(429, guesser.status(), guesser.body());
        assertTrue(Long.parseLong(guesser.header("Retry-After")) > 0);
        assertEquals("application/problem+json", guesser.header("Content-Type"));
        assertTrue(guesser.body().contains("sign_in_throttled"), guesser.body());
        assertEquals(200, owner.status(), owner.body());
    }
}
