package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.authorization.api.AuthorizationRefused;
import dev.gatehouse.keymanager.authorization.api.AuthorizationRequest;
import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import dev.gatehouse.keymanager.authorization.api.ConsentPrompt;
import dev.gatehouse.portal.security.SecurityHeadersFilter;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * authorize.xhtml: a signed-in person allows or denies an application's request to act in their name (the
 * authorization endpoint sent them here with the request's parameters), and goes back to the application. A
 * request within what they allowed before is answered at once, without asking again. The request is checked again
 * here and at the decision: the page's address is anyone's to type.
 */
@Named
@ViewScoped
public class AuthorizationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AuthorizationService authorizations;

    @Inject
    SignedInDeveloper signedIn;

    private AuthorizationRequest request;
    private ConsentPrompt prompt;
    private String refusal;

    public void load() throws IOException {
        ExternalContext external = external();
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        HttpServletRequest http = (HttpServletRequest) external.getRequest();
        if (!signedIn.isSignedIn()) {
            // signed in first, then back here with the same request: the portal's own sign-in and session
            String here = "/authorize.xhtml" + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
            external.redirect(external.getRequestContextPath() + "/signin.xhtml?next="
                    + URLEncoder.encode(here, StandardCharsets.UTF_8));
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        Map<String, String[]> parameters = external.getRequestParameterValuesMap();
        if (parameters.values().stream().anyMatch(values -> values.length > 1)) {
            refusal = "A parameter of this request appears more than once.";
            return;
        }
        request = AuthorizationRequest.of(name -> external.getRequestParameterMap().get(name));
        try {
            prompt = authorizations.prompt(signedIn.required(), request);
        } catch (AuthorizationRefused refused) {
            refuse(refused);
            return;
        }
        if (prompt.alreadyAllowed()) {
            answer(true);
            return;
        }
        SecurityHeadersFilter.allowFormsTo((HttpServletResponse) external.getResponse(), prompt.returnsTo());
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
            back = authorizations.decide(signedIn.required(), signedIn.signedInAt(), request, allow);
        } catch (AuthorizationRefused refused) {
            refuse(refused);
            return;
        }
        external().redirect(back.toString());
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Back to the application with the error when it can be trusted with it, else said on this page. */
    private void refuse(AuthorizationRefused refused) throws IOException {
        if (refused.redirect().isPresent()) {
            external().redirect(refused.redirect().get().toString());
            FacesContext.getCurrentInstance().responseComplete();
        } else {
            prompt = null;
            refusal = refused.getMessage();
        }
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    /** Why the request cannot be served, told to the person; null when it can. */
    public String getRefusal() {
        return refusal;
    }

    /** Something to ask: the request is good and this person has not allowed it before. */
    public boolean isAsking() {
        return refusal == null && prompt != null;
    }

    // Expression Language 5 (Faces 4.0) does not read record components as properties, hence these getters

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
}
