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
public class SigninView extends SignInForm {

    @Inject
    FacesContext faces;

    @Inject
    SignInRefusal refusal;

    public void signIn() throws IOException, ServletException {
        if (!signInWithForm()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refusal.message().orElse("Wrong username or password."), null));
        }
    }

    // the constraints are this form's alone: a blank username or password is never checked against an account,
    // while the sign-up form leaves blank ones to the account service's own messages
    @Override
    @NotBlank(message = "Enter your username.")
    public String getUsername() {
        return super.getUsername();
    }

    @Override
    @NotBlank(message = "Enter your password.")
    public String getPassword() {
        return super.getPassword();
    }
}
