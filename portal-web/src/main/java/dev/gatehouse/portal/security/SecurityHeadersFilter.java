package dev.gatehouse.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Headers every portal page carries: a Content-Security-Policy (the own origin only, no framing against
 * clickjacking, no plugins), no content sniffing, no referrer beyond the origin; and a developer's own pages, which
 * show secrets and tokens, are never stored by a cache.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Scripts, styles, fonts, images and fetches from the portal's own origin only: an injected reference to another
     * site loads nothing, and a page (Swagger UI's try-it included) sends nothing elsewhere. Inline scripts and styles
     * stay allowed because Faces and PrimeFaces render inline event handlers and widget scripts.
     */
    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    /** A valid {@code scheme://host[:port]}: what may appear in a source list without changing its meaning. */
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://[A-Za-z0-9.\\[\\]:-]+");

    /**
     * The policy of a page whose form sends the person on to {@code origin} (the consent page sends them back to the
     * application that asked): browsers apply form-action to the redirect that answers the form, too.
     */
    public static void allowFormsTo(HttpServletResponse response, String origin) {
        if (ORIGIN.matcher(origin).matches()) {
            response.setHeader("Content-Security-Policy", POLICY.replace("form-action 'self';",
                    "form-action 'self' " + origin + ";"));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        // pages that may show a secret or an access token
        if (request.getServletPath().startsWith("/applications/")
                || request.getServletPath().equals("/apis/documentation.xhtml")
                || request.getServletPath().equals("/authorize.xhtml")
                || request.getServletPath().equals("/oauth2-redirect.html")) { // an authorization code in its URL
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
