package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.authorization.api.AuthorizationRefused;
import dev.gatehouse.keymanager.authorization.api.AuthorizationRequest;
import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RFC 6749 §3.1 authorization endpoint, for response_type=code. A good request goes on, as it came, to the portal,
 * where the person signs in and decides; a refusal goes back to the client's checked redirect URI, or, when the
 * client or its redirect URI cannot be trusted, is shown here and never redirected (§4.1.2.1). Nothing is written
 * for a request until a signed-in person decides.
 */
@Path("/oauth2/authorize")
@Tag(name = "OAuth2")
public class AuthorizationEndpoint {

    static final String CONSENT_PAGE = "/devportal/authorize.xhtml";
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @EJB
    AuthorizationService authorizations;

    @Context
    UriInfo uri;

    @GET // whatever the browser accepts: the answer is a redirect, or a page for the person
    @Operation(summary = "Authorization request (response_type=code, PKCE with S256): sends the person to sign in"
            + " and consent, then back to the client's callback with a code")
    public Response authorize() {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (var parameter : query.entrySet()) {
            if (parameter.getValue().size() > 1) {
                return page("invalid_request", "Parameter " + parameter.getKey() + " appears more than once.");
            }
        }
        try {
            authorizations.check(AuthorizationRequest.of(query::getFirst));
        } catch (AuthorizationRefused refused) {
            return refused.redirect()
                    .map(back -> Response.seeOther(back).cacheControl(NO_STORE).build())
                    .orElseGet(() -> page(refused.reason(), refused.getMessage()));
        }
        // the same request, as it came (a valid query, since it arrived as one), to where the person decides
        URI consent = URI.create(uri.getBaseUri().resolve(CONSENT_PAGE) + "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(consent).cacheControl(NO_STORE).build();
    }

    /** The error told to the person, with no link back to a client that could not be checked. */
    private static Response page(String error, String description) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorization failed"
                + " · Gatehouse</title></head><body><main><h1>This sign-in request cannot be served</h1><p>"
                + escape(description) + "</p><p>Error: <code>" + escape(error) + "</code>. The application that sent"
                + " you here may be misconfigured; you were not sent back to it.</p><p><a href=\"/devportal/\">"
                + "Gatehouse Developer Portal</a></p></main></body></html>";
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cacheControl(NO_STORE).entity(html).build();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
