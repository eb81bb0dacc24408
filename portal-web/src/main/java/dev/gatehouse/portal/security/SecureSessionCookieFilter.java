package dev.gatehouse.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie {@code Secure} when the request came over HTTPS: directly, or through a reverse proxy
 * that says so in {@code X-Forwarded-Proto} and is one of {@link TrustedProxies}. The container decides the
 * cookie's attributes by the connection it sees, which behind a TLS-terminating proxy is plain HTTP; a portable
 * setting for this does not exist, so the cookie is fixed where it is issued: a session created or renumbered
 * (sign-in) through this request, and any session cookie already in the headers before and after the chain.
 */
@WebFilter(urlPatterns = "/*")
public class SecureSessionCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient TrustedProxies proxies;

    @Override
    public void init() {
        proxies = TrustedProxies.parse(ConfigProvider.getConfig(getClass().getClassLoader())
                .getOptionalValue(TrustedProxies.CONFIG_KEY, String.class).orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!overHttps(request)) {
            chain.doFilter(request, response);
            return;
        }
        String cookieName = request.getServletContext().getSessionCookieConfig().getName();
        SessionCookie cookie = new SessionCookie(cookieName == null ? "JSESSIONID" : cookieName, request, response);
        cookie.secure();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                boolean existed = super.getSession(false) != null;
                HttpSession session = super.getSession(create);
                if (session != null && !existed) {
                    cookie.issued(session);
                }
                return session;
            }

            @Override
            public HttpSession getSession() {
                return getSession(true);
            }

            @Override
            public String changeSessionId() {
                String id = super.changeSessionId();
                cookie.issued(super.getSession(false));
                return id;
            }
        }, response);
        cookie.secure();
    }

    private boolean overHttps(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))
                && proxies.trusts(request.getRemoteAddr());
    }

    /** The session cookie of one response. */
    private record SessionCookie(String name, HttpServletRequest request, HttpServletResponse response) {

        /** Adds Secure to the session cookie among the response's Set-Cookie headers, while they can change. */
        boolean secure() {
            if (response.isCommitted()) {
                return false;
            }
            List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
            boolean found = false;
            boolean changed = false;
            for (int i = 0; i < cookies.size(); i++) {
                String value = cookies.get(i);
                if (value.startsWith(name + "=")) {
                    found = true;
                    if (!value.toLowerCase(Locale.ROOT).matches(".*;\\s*secure\\s*(;.*)?")) {
                        cookies.set(i, value + "; Secure");
                        changed = true;
                    }
                }
            }
            if (changed) {
                response.setHeader("Set-Cookie", cookies.get(0));
                cookies.subList(1, cookies.size()).forEach(value -> response.addHeader("Set-Cookie", value));
            }
            return found;
        }

        /**
         * A session cookie was just issued. Containers that keep cookies apart from the headers until the response
         * is committed (Undertow) replace theirs with this one of the same name.
         */
        void issued(HttpSession session) {
            if (session == null || secure() || response.isCommitted()) {
                return;
            }
            Cookie cookie = new Cookie(name, session.getId());
            String path = request.getServletContext().getSessionCookieConfig().getPath();
            cookie.setPath(path != null ? path : request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
