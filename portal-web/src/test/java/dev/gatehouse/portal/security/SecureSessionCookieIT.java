package dev.gatehouse.portal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.portal.DeployedPortal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session cookie is Secure when the request came over HTTPS through a trusted reverse proxy, and only then; the
 * Content-Security-Policy names where scripts may come from. The Arquillian configuration trusts the proxy 127.0.0.2
 * only, so the same header sent from 127.0.0.1 is a client's own claim. Requests go over raw sockets because the
 * JDK's HTTP client cannot choose its source address.
 */
@ExtendWith(ArquillianExtension.class)
class SecureSessionCookieIT extends DeployedPortal {

    @Test
    void overPlainHttpTheSessionCookieIsNotSecure() throws Exception {
        String cookie = sessionCookie(get("127.0.0.1", null));

        assertFalse(secure(cookie), cookie);
    }

    @Test
    void aForwardedProtoFromAnUntrustedAddressIsIgnored() throws Exception {
        String cookie = sessionCookie(get("127.0.0.1", "https"));

        assertFalse(secure(cookie), cookie);
    }

    @Test
    void aForwardedProtoFromTheTrustedProxyMakesTheSessionCookieSecure() throws Exception {
        String cookie = sessionCookie(get("127.0.0.2", "https"));

        assertTrue(secure(cookie), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(secure(sessionCookie(get("127.0.0.2", "http"))), "http through the proxy stays as it is");
    }

    @Test
    void theContentSecurityPolicyNamesScriptSources() throws Exception {
        String policy = header(get("127.0.0.1", null), "Content-Security-Policy");

        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("connect-src 'self'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }

    private static boolean secure(String setCookie) {
        return setCookie.toLowerCase(Locale.ROOT).matches(".*;\\s*secure\\s*(;.*)?");
    }

    private static String sessionCookie(List<String> headers) {
        return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("set-cookie: jsessionid="))
                .map(line -> line.substring("set-cookie: ".length())).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie in " + headers));
    }

    private static String header(List<String> headers, String name) {
        return headers.stream().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)
                + ": ")).map(line -> line.substring(name.length() + 2)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + headers));
    }

    /** The status line and headers of GET on the portal's front page, sent from the given loopback address. */
    private List<String> get(String from, String forwardedProto) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), base.getPort(),
                InetAddress.getByName(from), 0)) {
            String request = "GET " + base.getPath() + " HTTP/1.1\r\nHost: localhost:" + base.getPort() + "\r\n"
                    + (forwardedProto == null ? "" : "X-Forwarded-Proto: " + forwardedProto + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line);
            }
            assertTrue(headers.get(0).contains(" 200"), headers.toString());
            return headers;
        }
    }
}
