package dev.gatehouse.portal.account;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * On every page of a signed-in session, the account as it is now: a role granted or taken away by an administrator
 * applies to the next action (the services check the refreshed caller), a locked account or one whose password has
 * changed elsewhere is signed out, and an
 * account signed in with a generated password (the first administrator's, which was in the log) sees nothing but
 * the change-password page until it has chosen its own, as the REST API answers 403 until then.
 */
@WebFilter(urlPatterns = "/*")
public class CurrentAccountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PASSWORD_PAGE = "/account/password.xhtml";

    @EJB
    AccountService accounts;

    @Inject
    SignedInDeveloper signedIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        // no session: nobody signed in, and none is created for anonymous visitors; static resources need no account
        if (request.getSession(false) == null || !signedIn.isSignedIn() || path.startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        Caller signedInAs = signedIn.required();
        // a password changed elsewhere (another session, the REST API) ends this session too
        Optional<Caller> account = accounts.current(signedInAs.accountId()).filter(now -> now.samePasswordAs(signedInAs));
        if (account.isEmpty()) {
            request.logout();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/signin.xhtml");
            return;
        }
        signedIn.refresh(account.get());
        if (account.get().passwordChangeRequired() && !path.equals(PASSWORD_PAGE)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
