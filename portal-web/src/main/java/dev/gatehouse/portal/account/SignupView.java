package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.SignUp;
import dev.gatehouse.keymanager.api.BusinessException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.IOException;

/** signup.xhtml: a developer account, signed in at once and back to the page the person came from. */
@Named
@RequestScoped
public class SignupView extends SignInForm {

    @EJB
    AccountService accounts;

    @Inject
    FacesContext faces;

    private String email;
    private String displayName;

    public String signUp() throws IOException, ServletException {
        try {
            accounts.signUp(new SignUp(getUsername(), email, displayName, getPassword()));
        } catch (BusinessException refused) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
            return null;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Welcome, " + getUsername()
                + ": your account is ready.", null));
        if (signInWithForm()) {
            return null;
        }
        // signing in was refused (the sign-in budget, say): the account exists, the person signs in by hand
        return "/signin.xhtml?faces-redirect=true";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
