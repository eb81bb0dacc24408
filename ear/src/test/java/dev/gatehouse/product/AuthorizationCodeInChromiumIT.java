package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person lets an application act for them, in headless Chromium, driven by the Nimbus OAuth 2.0 SDK unmodified:
 * discovery, authorization code with PKCE through the portal's sign-in and consent page (deny first, then allow),
 * the code redeemed once for an access token that the gateway serves, a refresh token and an ID token (verified
 * against the JWKS, nonce included) with UserInfo beside it, a second authorization without the consent page,
 * refresh rotation, a replayed refresh token revoking its family at the gateway, a refresh token revoked by the
 * application (RFC 7009), and the consent withdrawn on the portal's Authorized apps page.
 */
@ExtendWith(ProductExtension.class)
class AuthorizationCodeInChromiumIT {

    private static final String PASSWORD = "a person's long password";

    private final ProductHttp http = new ProductHttp();
    private final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ChromeDriver browser;
    private WebDriverWait wait;
    private HttpServer callback;
    private final BlockingQueue<URI> arrived = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        browser = HeadlessChromium.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // the application's callback: it notes what it was sent back
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/callback", exchange -> {
            arrived.add(URI.create("http://127.0.0.1:" + callback.getAddress().getPort()
                    + exchange.getRequestURI()));
            byte[] page = "<!DOCTYPE html><html lang=\"en\"><title>Callback</title><p>Back in the application"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callback.start();
    }

    @AfterEach
    void close() {
        browser.quit();
        callback.stop(0);
    }

    @Test
    void aPersonAuthorizesAnApplicationWhichCallsTheGatewayInTheirName(RunningProduct product) throws Exception {
        URI redirect = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/callback");
        Client client = registeredClient(product, redirect);
        String person = "person-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject account = http.expect(201, "POST", product.uri("developer/v1/signup"), null, "{\"username\":\""
                + person + "\",\"email\":\"" + person + "@example.com\",\"displayName\":\"A Person\","
                + "\"password\":\"" + PASSWORD + "\"}");
        String issuer = "http://localhost:" + product.uri("/").getPort();
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        assertTrue(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
        assertFalse(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.PLAIN));

        // first the person signs in and denies
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        browser.get(authorization(metadata, client, redirect, state, verifier).toString());
        wait.until(ExpectedConditions.titleIs("Sign in · Gatehouse"));
        browser.findElement(By.id("signin:username")).sendKeys(person);
        browser.findElement(By.id("signin:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.titleIs("Authorize an application · Gatehouse"));
        assertEquals(client.applicationName(), browser.findElement(By.id("application-name")).getText());
        assertEquals("Authorizing developer", browser.findElement(By.id("developer-name")).getText());
        assertEquals("http://127.0.0.1:" + callback.getAddress().getPort(),
                browser.findElement(By.id("returns-to")).getText());
        screenshot("authorize-consent");
        Accessibility.assertAccessible(browser, "Consent");
        browser.findElement(By.id("decision:deny")).click();
        AuthorizationResponse denied = AuthorizationResponse.parse(arrived.poll(20, TimeUnit.SECONDS));
        assertFalse(denied.indicatesSuccess());
        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(),
                ((AuthorizationErrorResponse) denied).getErrorObject().getCode());
        assertEquals(state, denied.getState());

        // then allows, and the application asks who the person is too (OpenID Connect)
        state = new State();
        Nonce nonce = new Nonce();
        browser.get(new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(client.clientId())).endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirect).state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
                .scope(new Scope("openid", "profile")).customParameter("nonce", nonce.getValue())
                .build().toURI().toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("decision:allow"))).click();
        URI back = arrived.poll(20, TimeUnit.SECONDS);
        assertNotNull(back, "sent back to the application");
        assertTrue(back.getQuery().contains("iss=" + issuer), "RFC 9207: " + back);
        AuthorizationResponse allowed = AuthorizationResponse.parse(back);
        assertTrue(allowed.indicatesSuccess(), back.toString());
        assertEquals(state, allowed.getState());
        AuthorizationCode code = allowed.toSuccessResponse().getAuthorizationCode();

        TokenResponse redeemed = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                client.authentication(), new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest().send());
        assertTrue(redeemed.indicatesSuccess(), () -> redeemed.toErrorResponse().getErrorObject().toString());
        OIDCTokens tokens = ((OIDCTokenResponse) redeemed).getOIDCTokens();
        assertNotNull(tokens.getRefreshToken(), "the application may refresh");
        IDTokenClaimsSet identity = new IDTokenValidator(new Issuer(issuer), new ClientID(client.clientId()),
                JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL()).validate(tokens.getIDToken(), nonce);
        assertEquals(account.getString("id"), identity.getSubject().getValue());
        assertEquals(person, identity.getStringClaim("preferred_username"));
        assertNotNull(identity.getAuthenticationTime());
        JWTClaimsSet claims = verifiedAgainstPublishedKeys(metadata, tokens.getAccessToken().getValue());
        assertEquals(account.getString("id"), claims.getSubject(), "the token acts for the person");
        assertEquals(client.clientId(), claims.getStringClaim("client_id"));
        assertEquals(200, menu(product, tokens.getAccessToken().getValue()).statusCode());
        HttpResponse<String> userInfo = noRedirects.send(HttpRequest.newBuilder(product.uri("oauth2/userinfo"))
                .header("Authorization", "Bearer " + tokens.getAccessToken().getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, userInfo.statusCode(), userInfo.body());
        assertTrue(userInfo.body().contains("\"preferred_username\":\"" + person + "\""), userInfo.body());
        assertEquals(401, menu(product, tokens.getIDToken().serialize()).statusCode(), "an ID token is no access token");

        TokenResponse again = token(metadata, client, new AuthorizationCodeGrant(code, redirect, verifier));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), again.toErrorResponse().getErrorObject().getCode());
        awaitRefused(product, tokens.getAccessToken().getValue());

        // a second authorization is not asked again
        CodeVerifier second = new CodeVerifier();
        state = new State();
        browser.get(authorization(metadata, client, redirect, state, second).toString());
        AuthorizationResponse remembered = AuthorizationResponse.parse(arrived.poll(20, TimeUnit.SECONDS));
        assertTrue(remembered.indicatesSuccess(), "consent remembered");
        Tokens first = redeem(metadata, client, remembered.toSuccessResponse().getAuthorizationCode(), redirect, second);

        // refresh rotates; the used refresh token replayed revokes the family
        Tokens rotated = ((AccessTokenResponse) token(metadata, client,
                new RefreshTokenGrant(first.getRefreshToken()))).getTokens();
        assertNotEquals(first.getRefreshToken(), rotated.getRefreshToken());
        assertEquals(200, menu(product, rotated.getAccessToken().getValue()).statusCode());
        TokenResponse replayed = token(metadata, client, new RefreshTokenGrant(first.getRefreshToken()));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), replayed.toErrorResponse().getErrorObject().getCode());
        awaitRefused(product, rotated.getAccessToken().getValue());
        TokenResponse afterReplay = token(metadata, client, new RefreshTokenGrant(rotated.getRefreshToken()));
        assertFalse(afterReplay.indicatesSuccess(), "the family's newest refresh token is revoked too");

        // the application ends the person's session: it revokes the refresh token (RFC 7009)
        CodeVerifier third = new CodeVerifier();
        browser.get(authorization(metadata, client, redirect, new State(), third).toString());
        Tokens last = redeem(metadata, client, AuthorizationResponse.parse(arrived.poll(20, TimeUnit.SECONDS))
                .toSuccessResponse().getAuthorizationCode(), redirect, third);
        assertEquals(200, new TokenRevocationRequest(metadata.getRevocationEndpointURI(), client.authentication(),
                last.getRefreshToken()).toHTTPRequest().send().getStatusCode());
        awaitRefused(product, last.getAccessToken().getValue());
        assertFalse(token(metadata, client, new RefreshTokenGrant(last.getRefreshToken())).indicatesSuccess());

        // the person withdraws their consent in the portal: the application's tokens die, it must ask again
        CodeVerifier fourth = new CodeVerifier();
        browser.get(authorization(metadata, client, redirect, new State(), fourth).toString());
        Tokens held = redeem(metadata, client, AuthorizationResponse.parse(arrived.poll(20, TimeUnit.SECONDS))
                .toSuccessResponse().getAuthorizationCode(), redirect, fourth);
        browser.get(product.uri("devportal/").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Authorized apps"))).click();
        wait.until(ExpectedConditions.titleIs("Authorized applications · Gatehouse"));
        String row = "//tr[td[normalize-space(.)='" + client.applicationName() + "']]";
        assertTrue(browser.findElement(By.xpath(row)).getText().contains("Authorizing developer"));
        Accessibility.assertAccessible(browser, "Authorized applications");
        browser.findElement(By.xpath(row + "//button[normalize-space(.)='Withdraw']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                "may no longer act in your name"));
        screenshot("authorized-applications-withdrawn");
        awaitRefused(product, held.getAccessToken().getValue());
        assertFalse(token(metadata, client, new RefreshTokenGrant(held.getRefreshToken())).indicatesSuccess());
        browser.get(authorization(metadata, client, redirect, new State(), new CodeVerifier()).toString());
        wait.until(ExpectedConditions.titleIs("Authorize an application · Gatehouse"));
    }

    @Test
    void anUntrustedRedirectIsNeverFollowedAndPlainPkceGoesBackAsAnError(RunningProduct product) throws Exception {
        URI redirect = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/callback");
        Client client = registeredClient(product, redirect);
        String authorize = "oauth2/authorize?response_type=code&client_id=" + client.clientId() + "&state=s1";

        HttpResponse<String> foreign = noRedirects.send(HttpRequest.newBuilder(product.uri(authorize
                + "&redirect_uri=https%3A%2F%2Fattacker.example%2Fcb&code_challenge_method=S256&code_challenge="
                + new CodeVerifier().getValue().substring(0, 43))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, foreign.statusCode(), foreign.body());
        assertTrue(foreign.headers().firstValue("Location").isEmpty(), "never redirected");
        assertTrue(foreign.body().contains("redirect_uri is not the application&#39;s callback URL"), foreign.body());

        HttpResponse<String> unknown = noRedirects.send(HttpRequest.newBuilder(product.uri(
                "oauth2/authorize?response_type=code&client_id=%3Cscript%3E")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertFalse(unknown.body().contains("<script>"), "escaped: " + unknown.body());

        HttpResponse<String> plain = noRedirects.send(HttpRequest.newBuilder(product.uri(authorize
                + "&code_challenge_method=plain&code_challenge=" + "a".repeat(43))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, plain.statusCode(), plain.body());
        URI location = URI.create(plain.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(redirect + "?"), location.toString());
        AuthorizationErrorResponse error = AuthorizationResponse.parse(location).toErrorResponse();
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), error.getErrorObject().getCode());
        assertEquals("s1", error.getState().getValue());

        HttpResponse<String> missing = noRedirects.send(HttpRequest.newBuilder(product.uri(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(missing.headers().firstValue("Location").orElseThrow().contains("error=invalid_request"),
                "this client requires PKCE");
    }

    private record Client(String clientId, String secret, String applicationName) {

        ClientAuthentication authentication() {
            return new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
        }
    }

    /** A developer's application, subscribed to PizzaShack, with the code flow, refresh and PKCE configured. */
    private Client registeredClient(RunningProduct product, URI redirect) throws Exception {
        String developer = "authorizing-" + UUID.randomUUID().toString().substring(0, 8);
        http.expect(201, "POST", product.uri("developer/v1/signup"), null, "{\"username\":\"" + developer
                + "\",\"email\":\"" + developer + "@example.com\",\"displayName\":\"Authorizing developer\","
                + "\"password\":\"" + PASSWORD + "\"}");
        String basic = ProductHttp.basic(developer, PASSWORD);
        String name = "Orders for " + developer;
        String id = http.expect(201, "POST", product.uri("developer/v1/applications"), basic,
                "{\"name\":\"" + name + "\"}").getString("id");
        String pizzaShack = http.expect(200, "GET", product.uri("developer/v1/apis?search=pizzashack"), null, null)
                .getJsonArray("items").getJsonObject(0).getString("id");
        http.expect(201, "POST", product.uri("developer/v1/applications/" + id + "/subscriptions"), basic,
                "{\"apiId\":\"" + pizzaShack + "\",\"planId\":\"6b0c7a0e-0f3a-4c2e-9a51-000000000004\"}");
        JsonObject keys = http.expect(201, "POST", product.uri("developer/v1/applications/" + id
                + "/keys/PRODUCTION"), basic, null);
        http.expect(200, "PUT", product.uri("developer/v1/applications/" + id + "/keys/PRODUCTION/configuration"),
                basic, "{\"grantTypes\":[\"authorization_code\",\"refresh_token\"],\"accessTokenLifetimeSeconds\":600,"
                        + "\"refreshTokenLifetimeSeconds\":3600,\"callbackUrl\":\"" + redirect + "\","
                        + "\"pkceRequired\":true,\"publicClient\":false}");
        return new Client(keys.getJsonObject("keys").getString("clientId"),
                keys.getJsonObject("secret").getString("value"), name);
    }

    private static URI authorization(AuthorizationServerMetadata metadata, Client client, URI redirect, State state,
            CodeVerifier verifier) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(client.clientId()))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirect)
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    private Tokens redeem(AuthorizationServerMetadata metadata, Client client, AuthorizationCode code, URI redirect,
            CodeVerifier verifier) throws Exception {
        TokenResponse response = token(metadata, client, new AuthorizationCodeGrant(code, redirect, verifier));
        assertTrue(response.indicatesSuccess(), () -> ((TokenErrorResponse) response).getErrorObject().toString());
        return ((AccessTokenResponse) response).getTokens();
    }

    private static TokenResponse token(AuthorizationServerMetadata metadata, Client client,
            com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        return TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(), client.authentication(), grant)
                .toHTTPRequest().send());
    }

    private HttpResponse<String> menu(RunningProduct product, String token) throws Exception {
        return noRedirects.send(HttpRequest.newBuilder(product.uri("api/pizzashack/1.0.0/menu"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Refused by the gateway within a second: revocations reach it through the change feed. */
    private void awaitRefused(RunningProduct product, String token) throws Exception {
        Instant deadline = Instant.now().plusSeconds(1);
        HttpResponse<String> answer = menu(product, token);
        while (answer.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            answer = menu(product, token);
        }
        assertEquals(401, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"reason\":\"token_revoked\""), answer.body());
    }

    private static JWTClaimsSet verifiedAgainstPublishedKeys(AuthorizationServerMetadata metadata, String token)
            throws Exception {
        JWKSet keys = JWKSet.load(metadata.getJWKSetURI().toURL());
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                new ImmutableJWKSet<>(keys)));
        return processor.process(token, null);
    }

    private void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("gatehouse.screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
