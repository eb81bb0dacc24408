package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Nimbus OAuth 2.0 SDK, unmodified, against the running product: discovery, client_credentials with both
 * client authentication methods, introspection and revocation; the token verifies against the published JWKS and
 * calls the subscribed sample API through the gateway, which refuses it once revoked.
 */
@ExtendWith(ProductExtension.class)
class OAuthClientLibraryIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStandardClientCompletesTheWholeExchange(RunningProduct product) throws Exception {
        ClientCredentials credentials = keysFor(product);
        String issuer = "http://localhost:" + product.uri("/").getPort();

        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        ClientAuthentication basic = new ClientSecretBasic(new ClientID(credentials.clientId()), new Secret(credentials.secret()));

        TokenResponse response = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(), basic,
                new ClientCredentialsGrant()).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> ((TokenErrorResponse) response).getErrorObject().toString());
        AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();

        JWTClaimsSet claims = verifiedAgainstPublishedKeys(metadata, token.getValue());
        assertEquals(issuer, claims.getIssuer());
        assertEquals(credentials.clientId(), claims.getSubject());
        assertEquals(credentials.clientId(), claims.getStringClaim("client_id"));
        assertTrue(claims.getExpirationTime().after(claims.getIssueTime()));

        // the seed's last step: the token calls the subscribed API through the gateway
        var menu = gateway(product, token.getValue());
        assertEquals(200, menu.statusCode(), menu.body());
        assertTrue(menu.body().contains("Margherita"), menu.body());

        var introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), basic, token).toHTTPRequest().send());
        assertTrue(introspection.indicatesSuccess());
        assertTrue(introspection.toSuccessResponse().isActive());

        var revocation = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), basic, token).toHTTPRequest().send();
        assertEquals(200, revocation.getStatusCode());
        var afterRevocation = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), basic, token).toHTTPRequest().send());
        assertFalse(afterRevocation.toSuccessResponse().isActive());
        var refused = gateway(product, token.getValue());
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(1);
        while (refused.statusCode() == 200 && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            refused = gateway(product, token.getValue());
        }
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"reason\":\"token_revoked\""), refused.body());

        ClientAuthentication post = new ClientSecretPost(new ClientID(credentials.clientId()), new Secret(credentials.secret()));
        TokenResponse viaPost = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(), post,
                new ClientCredentialsGrant()).toHTTPRequest().send());
        assertTrue(viaPost.indicatesSuccess());
    }

    private HttpResponse<String> gateway(RunningProduct product, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(product.uri("api/pizzashack/1.0.0/menu"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet verifiedAgainstPublishedKeys(AuthorizationServerMetadata metadata, String token)
            throws Exception {
        JWKSet keys = JWKSet.load(metadata.getJWKSetURI().toURL());
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new ImmutableJWKSet<>(keys)));
        return processor.process(token, null);
    }

    private record ClientCredentials(String clientId, String secret) {
    }

    /** A developer signs up, creates an application and generates production keys, over the developer API. */
    private ClientCredentials keysFor(RunningProduct product) throws Exception {
        String username = "nimbus-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long enough password";
        new ProductHttp().signUp(product.uri("/"), username, "Nimbus", password);
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String id = post(product, "developer/v1/applications", basic, "{\"name\":\"Nimbus client\"}", 201).getString("id");
        String pizzaShack = get(product, "developer/v1/apis?search=pizzashack").getJsonArray("items").getJsonObject(0)
                .getString("id");
        post(product, "developer/v1/applications/" + id + "/subscriptions", basic, "{\"apiId\":\"" + pizzaShack
                + "\",\"planId\":\"6b0c7a0e-0f3a-4c2e-9a51-000000000001\"}", 201);
        JsonObject keys = post(product, "developer/v1/applications/" + id + "/keys/PRODUCTION", basic, null, 201);
        return new ClientCredentials(keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value"));
    }

    private JsonObject get(RunningProduct product, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(product.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject post(RunningProduct product, String path, String authorization, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(product.uri(path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
