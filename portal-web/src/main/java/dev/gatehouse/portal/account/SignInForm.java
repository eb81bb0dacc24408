package dev.gatehouse.portal.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * What the sign-in and the sign-up form have in common: the username and password a person is signed in with, and
 * the page to return to afterwards (see {@link ReturnPath}); signing in is {@link PortalSignIn}'s in both.
 */
public abstract class SignInForm {

    @Inject
    PortalSignIn portal;

    private String username;
    private String password;
    private String next;

    /** Signs the person in with the form's username and password; false when that was refused. */
    protected boolean signInWithForm() throws IOException, ServletException {
        return portal.signIn(username, password, next);
    }

    /** The page to return to (see {@link ReturnPath}). */
    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
