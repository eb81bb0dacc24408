package dev.gatehouse.runtime.oauth;

import dev.gatehouse.keymanager.authorization.api.OpenIdScopes;
import dev.gatehouse.runtime.JsonOutput;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RFC 8414 metadata, with the OpenID Connect Discovery members: one document, at both well-known paths (many client
 * libraries look at the OpenID one first).
 */
@Path("/.well-known")
@Tag(name = "OAuth2")
public class AuthorizationServerMetadata {

    private static final List<String> CLIENT_AUTH = List.of("client_secret_basic", "client_secret_post");
    /** A public client names itself at the token endpoint; the other endpoints need a secret. */
    private static final List<String> TOKEN_AUTH = List.of("client_secret_basic", "client_secret_post", "none");

    @Inject
    @ConfigProperty(name = "gatehouse.oauth.issuer") // its default is the key manager's, in its configuration file
    String issuer;

    @GET
    @Path("oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 Authorization Server Metadata (RFC 8414)")
    public JsonObject metadata() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return JsonOutput.object()
                .add("issuer", issuer)
                .add("authorization_endpoint", base + "/oauth2/authorize")
                .add("token_endpoint", base + "/oauth2/token")
                .add("jwks_uri", base + "/oauth2/jwks")
                .add("introspection_endpoint", base + "/oauth2/introspect")
                .add("revocation_endpoint", base + "/oauth2/revoke")
                .add("grant_types_supported", array(List.of("client_credentials", "authorization_code",
                        "refresh_token")))
                .add("response_types_supported", array(List.of("code")))
                .add("response_modes_supported", array(List.of("query")))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("authorization_response_iss_parameter_supported", true)
                .add("token_endpoint_auth_methods_supported", array(TOKEN_AUTH))
                .add("introspection_endpoint_auth_methods_supported", array(CLIENT_AUTH))
                .add("revocation_endpoint_auth_methods_supported", array(CLIENT_AUTH))
                .add("service_documentation", base + "/devportal/")
                // OpenID Connect Discovery 1.0 §3, for the code flow's ID tokens
                .add("userinfo_endpoint", base + "/oauth2/userinfo")
                .add("scopes_supported", array(List.of(OpenIdScopes.OPENID, OpenIdScopes.PROFILE, OpenIdScopes.EMAIL)))
                .add("subject_types_supported", array(List.of("public")))
                .add("id_token_signing_alg_values_supported", array(List.of("RS256", "ES256")))
                .add("claims_supported", array(List.of("iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "nonce",
                        "preferred_username", "name", "email")))
                // OpenID Connect Prompt Create 1.0 §4.1 names this member; Core §3.1.2.1 defines the values
                .add("prompt_values_supported", array(List.of("none", "login", "consent", "select_account")))
                .build();
    }

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same metadata at the OpenID Connect discovery path")
    public JsonObject openIdConfiguration() {
        return metadata();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JsonOutput.array();
        values.forEach(array::add);
        return array;
    }
}
