package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** The signed-in account, for the length of the session; the services check ownership against it. */
@Named
@SessionScoped
public class SignedInDeveloper implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private Instant signedInAt;

    void signIn(Caller caller) {
        this.caller = caller;
        this.signedInAt = Instant.now();
    }

    /** When the person signed in (proved their password) in this session: an ID token's auth_time. */
    public Instant signedInAt() {
        return signedInAt;
    }

    /** The account as it is now (roles, a required password change), on every request: see CurrentAccountFilter. */
    void refresh(Caller caller) {
        this.caller = caller;
    }

    /** A generated password: the account sees nothing but the change-password page. */
    public boolean isPasswordChangeRequired() {
        return caller != null && caller.passwordChangeRequired();
    }

    /** Administrators see the accounts page. */
    public boolean isAdministrator() {
        return caller().map(c -> c.has(Role.ADMIN)).orElse(false);
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** The caller of a page that requires signing in (the container has checked that already). */
    public Caller required() {
        if (caller == null) {
            throw new IllegalStateException("not signed in");
        }
        return caller;
    }

    /** Publishers and administrators see the publisher's page. */
    public boolean isPublisher() {
        return caller().map(Caller::isPublisher).orElse(false);
    }

    public boolean isSignedIn() {
        return caller != null;
    }

    public String getUsername() {
        return caller == null ? null : caller.username();
    }
}
