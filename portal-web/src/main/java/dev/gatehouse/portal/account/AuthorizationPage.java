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
import java.time.Instant;
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
        Map<String, String[]> parameters = external.getRequestParameterValuesMap();
        if (parameters.values().stream().anyMatch(values -> values.length > 1)) {
            refusal = "A parameter of this request appears more than once.";
            return;
        }
        request = AuthorizationRequest.of(name -> external.getRequestParameterMap().get(name));
        try {
            if (!signedIn.isSignedIn()) {
                if (request.withoutInteraction()) {
                    redirect(authorizations.withoutInteraction(request, "login_required"));
                } else {
                    // signed in first, then back here with the same request: the portal's own sign-in and session
                    signInFirst(http.getQueryString() == null ? "" : http.getQueryString());
                }
                return;
            }
            if (request.needsSignInSince(signedIn.signedInAt(), Instant.now())) {
                if (request.withoutInteraction()) {
                    redirect(authorizations.withoutInteraction(request, "login_required"));
                } else {
                    authorizations.check(request); // a bad request is said here, not after a sign-in
                    signInFirst(request.signedInNow().toQuery());
                }
                return;
            }
            prompt = authorizations.prompt(signedIn.required(), request);
            if (prompt.alreadyAllowed() && !request.prompts().contains(AuthorizationRequest.PROMPT_CONSENT)) {
                answer(true);
                return;
            }
            if (request.withoutInteraction()) {
                redirect(authorizations.withoutInteraction(request, "consent_required"));
                return;
            }
        } catch (AuthorizationRefused refused) {
            refuse(refused);
            return;
        }
        SecurityHeadersFilter.allowFormsTo((HttpServletResponse) external.getResponse(), prompt.returnsTo());
    }

    /** To the sign-in page, which comes back here with the request (the same, or as it stands once signed in). */
    private void signInFirst(String query) throws IOException {
        String here = "/authorize.xhtml" + (query.isEmpty() ? "" : "?" + query);
        ExternalContext external = external();
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?next="
                + URLEncoder.encode(here, StandardCharsets.UTF_8));
        FacesContext.getCurrentInstance().responseComplete();
    }

    private void redirect(URI back) throws IOException {
        external().redirect(back.toString());
        FacesContext.getCurrentInstance().responseComplete();
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
        redirect(back);
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
