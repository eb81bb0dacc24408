package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import dev.gatehouse.keymanager.authorization.api.AuthorizedApplication;
import dev.gatehouse.portal.Outcome;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/**
 * account/authorized.xhtml: the applications a person has let act in their name, each with a way to withdraw that
 * (the application's tokens in their name stop working at once).
 */
@Named
@RequestScoped
public class AuthorizedApplicationsPage {

    @EJB
    AuthorizationService authorizations;

    @Inject
    SignedInDeveloper signedIn;

    private List<AuthorizedApplication> applications;

    public List<AuthorizedApplication> getApplications() {
        if (applications == null) {
            applications = authorizations.authorized(signedIn.required());
        }
        return applications;
    }

    public void withdraw(UUID applicationId, String name) {
        Outcome.report(() -> {
            authorizations.withdraw(signedIn.required(), applicationId);
            return name + " may no longer act in your name; its tokens are revoked.";
        });
        applications = null;
    }
}
