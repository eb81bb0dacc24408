package dev.gatehouse.portal.account;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Why this request's sign-in was refused before its password was checked (too many failures from this address, or
 * too many password checks at once), for the sign-in page to say; empty for a wrong username or password.
 */
@RequestScoped
public class SignInRefusal {

    private String message;

    void refuse(String message) {
        this.message = message;
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }
}
