package dev.gatehouse.keymanager.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.accounts.api.PasswordChecksBusy;
import dev.gatehouse.keymanager.accounts.api.SignInThrottled;
import dev.gatehouse.keymanager.revocations.RecordingAuditLog;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sign-ins refused before hashing: the budget of concurrent password checks, and the throttle. */
class PasswordCheckBudgetTest {

    private final AtomicInteger hashed = new AtomicInteger();
    private final PasswordCheckBudget budget = new PasswordCheckBudget(2);
    private final AccountServiceBean service = new AccountServiceBean();

    PasswordCheckBudgetTest() {
        service.budget = budget;
        service.throttle = new SignInThrottle();
        service.audit = new RecordingAuditLog();
        service.passwordMatches = (password, stored) -> {
            hashed.incrementAndGet();
            return false;
        };
    }

    @Test
    void withEveryPermitTakenACheckIsRefusedWithoutHashing() {
        assertTrue(budget.tryAcquire());
        assertTrue(budget.tryAcquire());

        var refused = assertThrows(PasswordChecksBusy.class,
                () -> service.authenticate("anyone", "any password", "127.0.0.2"));

        assertEquals(0, hashed.get(), "no PBKDF2 run for a refused check");
        assertTrue(refused.retryAfterSeconds() > 0);
        assertEquals("password_checks_busy", refused.reason());
    }

    @Test
    void aPermitFreedIsUsedAgain() {
        assertTrue(budget.tryAcquire());
        assertTrue(budget.tryAcquire());
        budget.release();

        assertTrue(budget.tryAcquire(), "a released permit is available");
    }

    @Test
    void anAddressThrottledIsRefusedWithoutHashing() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_SOURCE; i++) {
            service.throttle.failed("random-" + i, "127.0.0.2");
        }

        assertThrows(SignInThrottled.class, () -> service.authenticate("admin", "a guess", "127.0.0.2"));

        assertEquals(0, hashed.get());
    }

    @Test
    void malformedCredentialsAreNotHashed() {
        assertTrue(service.authenticate("", "password", "127.0.0.2").isEmpty());
        assertTrue(service.authenticate("x".repeat(65), "password", "127.0.0.2").isEmpty());
        assertTrue(service.authenticate("someone", null, "127.0.0.2").isEmpty());

        assertEquals(0, hashed.get());
    }
}
