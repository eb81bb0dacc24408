package dev.gatehouse.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;

/**
 * signin.xhtml: one message for every wrong username or password, so it tells an attacker nothing; a sign-in
 * refused before its password was checked (too many failures from this address, too busy) says so and when to
 * retry.
 */
@Named
@RequestScoped
public class SigninView {

    @Inject
    PortalSignIn portal;

    @Inject
    FacesContext faces;

    @Inject
    SignInRefusal refusal;

    @NotBlank(message = "Enter your username.")
    private String username;

    @NotBlank(message = "Enter your password.")
    private String password;

    private String next;

    public void signIn() throws IOException, ServletException {
        if (!portal.signIn(username, password, next)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refusal.message().orElse("Wrong username or password."), null));
        }
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
