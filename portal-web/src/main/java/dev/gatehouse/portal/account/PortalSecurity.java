package dev.gatehouse.portal.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Form sign-in on the portal's own page; pages under /applications/ need an account (web.xml). */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/signin.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"DEVELOPER", "PUBLISHER", "ADMIN"})
@ApplicationScoped
public class PortalSecurity {
}
