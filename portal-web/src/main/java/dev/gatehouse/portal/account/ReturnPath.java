package dev.gatehouse.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a person goes after signing in or up: back to the portal page they were on (the {@code next} parameter of
 * the sign-in links), else the catalog, or the Publisher page for an administrator. Only a page of the portal is
 * accepted, so a crafted link cannot send anyone elsewhere (no scheme, no host, no {@code //}).
 */
@Named
@RequestScoped
public class ReturnPath {

    /**
     * A portal page and its query: letters, digits and the few characters page paths, ids and encoded values use
     * (an authorization request's query, on its way to the consent page, is the longest).
     */
    private static final Pattern PORTAL_PAGE = Pattern.compile("/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.xhtml"
            + "(\\?[A-Za-z0-9_.~%=&+-]{0,2000})?");
    private static final String CATALOG = "/index.xhtml";
    private static final String PUBLISHER = "/publisher/index.xhtml";

    @Inject
    HttpServletRequest request;

    /** The page being shown, as a {@code next} value; none on the sign-in and sign-up pages themselves. */
    public String getHere() {
        String path = request.getServletPath();
        if (path == null || path.equals("/signin.xhtml") || path.equals("/signup.xhtml")) {
            return null;
        }
        String query = request.getQueryString();
        return safe(query == null ? path : path + "?" + query).orElse(null);
    }

    /** The page to go to after signing in: {@code next} if it is a portal page, else the caller's home. */
    static String after(String next, boolean administrator) {
        return safe(next).orElse(administrator ? PUBLISHER : CATALOG);
    }

    static Optional<String> safe(String next) {
        if (next == null || !PORTAL_PAGE.matcher(next).matches() || next.startsWith("/signin.xhtml")
                || next.startsWith("/signup.xhtml")) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
