package dev.gatehouse.keymanager.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many password checks (PBKDF2, deliberately slow) may run at once: {@code
 * gatehouse.accounts.password-check-concurrency}, by default half the processors (at least one). A check that
 * finds no permit free within {@link #WAIT} is refused without hashing,
 * so that sign-ins sent by anyone, with any username, cannot take more than that share of the processors from
 * token requests, the gateway and signed-in users (whose checks are cached by the web layers).
 *
 * <p>A CDI bean, not an EJB: a permit is given back in a {@code finally} after the account's read, and when that
 * read failed (the database restarting) the transaction is marked for rollback, so a call to an EJB would be
 * refused ("Client's transaction aborted") and the permit lost for good; with one or two permits, every later
 * sign-in would then be answered "busy".
 */
@ApplicationScoped
public class PasswordCheckBudget {

    static final String CONCURRENCY = "gatehouse.accounts.password-check-concurrency";
    /** Long enough to smooth a burst of real sign-ins, short enough not to hold a request thread. */
    static final Duration WAIT = Duration.ofMillis(50);

    private Semaphore permits;

    public PasswordCheckBudget() {
    }

    PasswordCheckBudget(int permits) {
        this.permits = new Semaphore(permits);
    }

    @PostConstruct
    void configure() {
        int configured = ConfigProvider.getConfig(PasswordCheckBudget.class.getClassLoader())
                .getOptionalValue(CONCURRENCY, Integer.class)
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        if (configured < 1) {
            throw new IllegalArgumentException("GH-ACC-010 " + CONCURRENCY + " must be at least 1, not " + configured);
        }
        permits = new Semaphore(configured);
    }

    /** Takes a permit, waiting briefly; false if none came free. */
    public boolean tryAcquire() {
        try {
            return permits.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void release() {
        permits.release();
    }
}
