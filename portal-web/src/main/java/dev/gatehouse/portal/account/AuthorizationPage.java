package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.authorization.api.AuthorizationNotFound;
import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import dev.gatehouse.keymanager.authorization.api.ConsentPrompt;
import dev.gatehouse.portal.security.SecurityHeadersFilter;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * authorize.xhtml: a signed-in person allows or denies an application's request to act in their name
 * (the authorization endpoint sent them here), and goes back to the application. A request within what they allowed
 * before is answered at once, without asking again.
 */
@Named
@ViewScoped
public class AuthorizationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AuthorizationService authorizations;

    @Inject
    SignedInDeveloper signedIn;

    private String request;
    private ConsentPrompt prompt;
    private boolean gone;

    public void load() throws IOException {
        UUID id = id();
        if (id == null) {
            gone = true;
            return;
        }
        if (!signedIn.isSignedIn()) {
            // signed in first, then back here: the portal's own sign-in, and the session the portal keeps
            ExternalContext external = external();
            external.redirect(external.getRequestContextPath() + "/signin.xhtml?next="
                    + URLEncoder.encode("/authorize.xhtml?request=" + id, StandardCharsets.UTF_8));
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        try {
            prompt = authorizations.prompt(signedIn.required(), id);
        } catch (AuthorizationNotFound e) {
            gone = true;
            return;
        }
        if (prompt.alreadyAllowed()) {
            answer(true);
            return;
        }
        SecurityHeadersFilter.allowFormsTo((HttpServletResponse) external().getResponse(), prompt.returnsTo());
    }

    public void allow() throws IOException {
        answer(true);
    }

    public void deny() throws IOException {
        answer(false);
    }

    private void answer(boolean allow) throws IOException {
        URI back;
        try {
            back = authorizations.decide(signedIn.required(), signedIn.signedInAt(), prompt.authorizationId(), allow);
        } catch (AuthorizationNotFound e) {
            gone = true;
            return;
        }
        external().redirect(back.toString());
        FacesContext.getCurrentInstance().responseComplete();
    }

    private UUID id() {
        try {
            return request == null ? null : UUID.fromString(request);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public boolean isGone() {
        return gone;
    }

    /** Something to ask: the request is waiting and this person has not allowed it before. */
    public boolean isAsking() {
        return !gone && prompt != null;
    }

    // Expression Language 5 (Faces 4.0) does not read record components, hence these getters

    public String getApplicationName() {
        return prompt == null ? null : prompt.applicationName();
    }

    public String getDeveloper() {
        return prompt == null ? null : prompt.developer();
    }

    public String getReturnsTo() {
        return prompt == null ? null : prompt.returnsTo();
    }

    public List<String> getScopes() {
        return prompt == null ? List.of() : prompt.scopes();
    }

    public String getRequest() { return request; }
    public void setRequest(String request) { this.request = request; }
}
