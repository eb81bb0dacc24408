package dev.gatehouse.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signs a person in with a username and password, from the sign-in page or right after signing up. */
@RequestScoped
public class PortalSignIn {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    /**
     * True when signed in and on the way to the next page: the page the container saved when it sent the person to
     * sign in (a page that needs an account), else {@code next} if it is a portal page, else their home page.
     */
    boolean signIn(String username, String password, String next) throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                request.changeSessionId(); // no session fixation
                external.redirect(external.getRequestContextPath()
                        + ReturnPath.after(next, request.isUserInRole("ADMIN")));
                faces.responseComplete();
                return true;
            }
            case SEND_CONTINUE -> {
                // back to the saved page that needed an account
                faces.responseComplete();
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
