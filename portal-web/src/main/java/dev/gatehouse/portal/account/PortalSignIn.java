package dev.gatehouse.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
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
    private static final String AUTHORIZE = "/authorize.xhtml";

    /**
     * To an authorization request as a new navigation, not as a redirect of the sign-in form: the form's page
     * allows forms to post to this origin only (CSP form-action), and browsers hold a form's redirects to that, so
     * an authorization allowed before, answered at once with a redirect to the application, would stop here.
     */
    private static void continueAfterForm(HttpServletResponse response, String target) throws IOException {
        String url = target.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"refresh\" content=\"0;url="
                + url + "\"><title>Signed in · Gatehouse</title></head><body><p><a href=\"" + url
                + "\">Continue to the application's request</a></p></body></html>");
    }

    boolean signIn(String username, String password, String next) throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            // signing in again (an application asked for a fresh sign-in, or another account): the session's
            // principal would otherwise be applied again instead of the new credential
            request.logout();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                request.changeSessionId(); // no session fixation
                String target = external.getRequestContextPath() + ReturnPath.after(next, request.isUserInRole("ADMIN"));
                if (target.startsWith(external.getRequestContextPath() + AUTHORIZE)) {
                    continueAfterForm((HttpServletResponse) external.getResponse(), target);
                } else {
                    external.redirect(target);
                }
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
