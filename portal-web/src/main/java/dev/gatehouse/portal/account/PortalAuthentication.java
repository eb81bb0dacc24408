package dev.gatehouse.portal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form sign-in on the portal's own page ({@link SigninView} passes the credential); pages under /applications/
 * need an account (web.xml) and send visitors to the sign-in page first.
 *
 * <p>A mechanism of the portal's own rather than {@code @CustomFormAuthenticationMechanismDefinition}: inside the
 * EAR, a mechanism defined by annotation is visible to every module, and so is the MicroProfile JWT mechanism of
 * the API runtime; Jakarta Security 3 cannot choose between two. This bean is visible only in the portal, and as
 * an alternative with a priority it is the one the portal uses.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@AutoApplySession
@LoginToContinue(loginPage = "/signin.xhtml", errorPage = "", useForwardToLogin = false)
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    /**
     * Asked directly rather than through the IdentityStoreHandler: in the EAR the handler also sees the identity
     * stores of other modules (MicroProfile JWT's), and a developer's sign-in was then refused now and then.
     */
    @Inject
    AccountIdentityStore accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            // nothing to check; a protected page is sent to the sign-in page by @LoginToContinue
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(credential instanceof UsernamePasswordCredential password
                ? accounts.validate(password, request.getRemoteAddr()) : CredentialValidationResult.INVALID_RESULT);
    }
}
