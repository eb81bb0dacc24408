package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The authorization-code flow as an application and a person meet it, on any deployment: the application (a
 * developer's, subscribed to PizzaShack, with the code flow, refresh and PKCE configured) sends the person's
 * browser to {@code /oauth2/authorize}, the person signs in on the portal and allows, and the application's
 * callback (a small HTTP server on loopback) receives the code. The Nimbus OAuth 2.0 SDK builds the requests.
 */
final class CodeFlowInBrowser implements AutoCloseable {

    static final String PASSWORD = "a person's long password";

    /** An application's client, as its developer registered it. */
    record Client(String clientId, String secret, String applicationName) {

        ClientAuthentication authentication() {
            return new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
        }
    }

    private final PortalBrowser browser;
    private final Function<String, URI> at;
    private final ProductHttp http = new ProductHttp();
    private final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpServer callback;
    private final BlockingQueue<URI> arrived = new LinkedBlockingQueue<>();

    CodeFlowInBrowser(PortalBrowser browser, Function<String, URI> at) throws IOException {
        this.browser = browser;
        this.at = at;
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/callback", exchange -> {
            arrived.add(URI.create(redirect() + "?" + exchange.getRequestURI().getRawQuery()));
            byte[] page = "<!DOCTYPE html><html lang=\"en\"><title>Callback</title><p>Back in the application"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callback.start();
    }

    /** The application's callback URL. */
    URI redirect() {
        return URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/callback");
    }

    /** What the application's callback received next, within 20 s. */
    URI arrived() throws InterruptedException {
        URI next = arrived.poll(20, TimeUnit.SECONDS);
        assertNotNull(next, "the browser came back to the application's callback");
        return next;
    }

    /** A developer's application, subscribed to PizzaShack, configured for the code flow with refresh and PKCE. */
    Client registeredClient() throws Exception {
        String developer = "authorizing-" + UUID.randomUUID().toString().substring(0, 8);
        http.signUp(at.apply("/"), developer, "Authorizing developer", PASSWORD);
        String basic = ProductHttp.basic(developer, PASSWORD);
        String name = "Orders for " + developer;
        String id = http.expect(201, "POST", at.apply("developer/v1/applications"), basic,
                "{\"name\":\"" + name + "\"}").getString("id");
        String pizzaShack = http.expect(200, "GET", at.apply("developer/v1/apis?search=pizzashack"), null, null)
                .getJsonArray("items").getJsonObject(0).getString("id");
        http.expect(201, "POST", at.apply("developer/v1/applications/" + id + "/subscriptions"), basic,
                "{\"apiId\":\"" + pizzaShack + "\",\"planId\":\"6b0c7a0e-0f3a-4c2e-9a51-000000000004\"}");
        JsonObject keys = http.expect(201, "POST", at.apply("developer/v1/applications/" + id + "/keys/PRODUCTION"),
                basic, null);
        http.expect(200, "PUT", at.apply("developer/v1/applications/" + id + "/keys/PRODUCTION/configuration"),
                basic, "{\"grantTypes\":[\"authorization_code\",\"refresh_token\"],\"accessTokenLifetimeSeconds\":600,"
                        + "\"refreshTokenLifetimeSeconds\":3600,\"callbackUrl\":\"" + redirect() + "\","
                        + "\"pkceRequired\":true,\"publicClient\":false}");
        return new Client(keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value"), name);
    }

    /** A person's account (self sign-up); answers it as the developer API does (id, username, ...). */
    JsonObject person() throws Exception {
        String username = "person-" + UUID.randomUUID().toString().substring(0, 8);
        return http.signUp(at.apply("/"), username, "A Person", PASSWORD);
    }

    /** The deployment's RFC 8414 metadata, read as a client library reads it. */
    AuthorizationServerMetadata metadata() throws Exception {
        return AuthorizationServerMetadata.parse(http.send("GET", at.apply(".well-known/oauth-authorization-server"),
                null, null).body());
    }

    static AuthorizationRequest.Builder request(AuthorizationServerMetadata metadata, Client client, URI redirect,
            State state, CodeVerifier verifier) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(client.clientId())).endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirect).state(state).codeChallenge(verifier, CodeChallengeMethod.S256);
    }

    /** On the portal's sign-in page, where the authorization endpoint sent the browser. */
    void signIn(String username) {
        browser.await().until(ExpectedConditions.titleIs("Sign in · Gatehouse"));
        browser.submitSignIn(username, PASSWORD);
    }

    static TokenResponse token(URI tokenEndpoint, Client client, AuthorizationGrant grant) throws Exception {
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, client.authentication(), grant).toHTTPRequest()
                .send());
    }

    static Tokens redeem(URI tokenEndpoint, Client client, AuthorizationCode code, URI redirect, CodeVerifier verifier)
            throws Exception {
        TokenResponse response = token(tokenEndpoint, client, new AuthorizationCodeGrant(code, redirect, verifier));
        assertTrue(response.indicatesSuccess(), () -> ((TokenErrorResponse) response).getErrorObject().toString());
        return ((AccessTokenResponse) response).getTokens();
    }

    HttpResponse<String> menu(Function<String, URI> node, String token) throws Exception {
        return noRedirects.send(HttpRequest.newBuilder(node.apply("api/pizzashack/1.0.0/menu"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole walk once on one deployment, in a browser of its own: the code is redeemed where it was issued. */
    static Tokens walkOn(Function<String, URI> at) throws Exception {
        try (var browser = new PortalBrowser(at, ""); var flow = new CodeFlowInBrowser(browser, at)) {
            return flow.walk(at);
        }
    }

    /**
     * The whole walk once, the code redeemed and the token used where {@code redeemAt} points (the same deployment,
     * or another node of the cluster): a new application, a new person who signs in and allows; answers the tokens.
     */
    Tokens walk(Function<String, URI> redeemAt) throws Exception {
        Client client = registeredClient();
        String person = person().getString("username");
        AuthorizationServerMetadata metadata = metadata();
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        browser.driver().get(request(metadata, client, redirect(), state, verifier).build().toURI().toString());
        signIn(person);
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("decision:allow"))).click();
        AuthorizationResponse back = AuthorizationResponse.parse(arrived());
        assertTrue(back.indicatesSuccess(), back.toString());
        assertEquals(state, back.getState());
        Tokens tokens = redeem(redeemAt.apply("oauth2/token"), client,
                back.toSuccessResponse().getAuthorizationCode(), redirect(), verifier);
        assertNotNull(tokens.getRefreshToken());
        HttpResponse<String> menu = menu(redeemAt, tokens.getAccessToken().getValue());
        assertEquals(200, menu.statusCode(), menu.body());
        return tokens;
    }

    @Override
    public void close() {
        callback.stop(0);
    }
}
