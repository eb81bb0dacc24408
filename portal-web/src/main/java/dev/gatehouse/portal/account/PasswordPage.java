package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.PasswordChange;
import dev.gatehouse.portal.Outcome;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** account/password.xhtml: any signed-in account changes its own password, given the current one. */
@Named
@RequestScoped
public class PasswordPage {

    @EJB
    AccountService accounts;

    @Inject
    SignedInDeveloper signedIn;

    @Inject
    FacesContext faces;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public String change() {
        if (newPassword == null || !newPassword.equals(repeatedPassword)) {
            Outcome.message(FacesMessage.SEVERITY_ERROR, "The new password and its repetition differ.");
            return null;
        }
        boolean[] changed = {false};
        Outcome.report(() -> {
            accounts.changePassword(signedIn.required(), new PasswordChange(currentPassword, newPassword));
            changed[0] = true;
            return "Your password has been changed.";
        });
        if (!changed[0]) {
            return null;
        }
        // this session goes on with the new password; the account's other sessions end (CurrentAccountFilter)
        accounts.current(signedIn.required().accountId()).ifPresent(signedIn::refresh);
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return "/applications/index.xhtml?faces-redirect=true";
    }

    public boolean isRequired() {
        return signedIn.isPasswordChangeRequired();
    }

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getRepeatedPassword() { return repeatedPassword; }
    public void setRepeatedPassword(String repeatedPassword) { this.repeatedPassword = repeatedPassword; }
}
