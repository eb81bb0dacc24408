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
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.Scope;
import dev.gatehouse.product.CodeFlowInBrowser.Client;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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

    private final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private PortalBrowser portal;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private CodeFlowInBrowser flow;

    @BeforeEach
    void open(RunningProduct product, PortalBrowser portal) throws Exception {
        this.portal = portal;
        browser = portal.driver();
        wait = portal.await();
        flow = new CodeFlowInBrowser(portal, product::uri);
    }

    @AfterEach
    void close() {
        flow.close();
    }

    @Test
    void aPersonAuthorizesAnApplicationWhichCallsTheGatewayInTheirName(RunningProduct product) throws Exception {
        URI redirect = flow.redirect();
        Client client = flow.registeredClient();
        JsonObject account = flow.person();
        String person = account.getString("username");
        String issuer = "http://localhost:" + product.uri("/").getPort();
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        assertTrue(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
        assertFalse(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.PLAIN));
        URI tokenEndpoint = metadata.getTokenEndpointURI();

        // first the person signs in and denies
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        browser.get(authorization(metadata, client, redirect, state, verifier).toString());
        flow.signIn(person);
        wait.until(ExpectedConditions.titleIs("Authorize an application · Gatehouse"));
        assertEquals(client.applicationName(), browser.findElement(By.id("application-name")).getText());
        assertEquals("Authorizing developer", browser.findElement(By.id("developer-name")).getText());
        assertEquals("http://127.0.0.1:" + redirect.getPort(), browser.findElement(By.id("returns-to")).getText());
        portal.screenshot("authorize-consent");
        Accessibility.assertAccessible(browser, "Consent");
        browser.findElement(By.id("decision:deny")).click();
        AuthorizationResponse denied = AuthorizationResponse.parse(flow.arrived());
        assertFalse(denied.indicatesSuccess());
        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(),
                ((AuthorizationErrorResponse) denied).getErrorObject().getCode());
        assertEquals(state, denied.getState());

        // then allows, and the application asks who the person is too (OpenID Connect)
        state = new State();
        Nonce nonce = new Nonce();
        browser.get(CodeFlowInBrowser.request(metadata, client, redirect, state, verifier)
                .scope(new Scope("openid", "profile")).customParameter("nonce", nonce.getValue())
                .build().toURI().toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("decision:allow"))).click();
        URI back = flow.arrived();
        assertTrue(back.getQuery().contains("iss=" + issuer), "RFC 9207: " + back);
        AuthorizationResponse allowed = AuthorizationResponse.parse(back);
        assertTrue(allowed.indicatesSuccess(), back.toString());
        assertEquals(state, allowed.getState());
        AuthorizationCode code = allowed.toSuccessResponse().getAuthorizationCode();

        TokenResponse redeemed = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint,
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

        TokenResponse again = CodeFlowInBrowser.token(tokenEndpoint, client,
                new AuthorizationCodeGrant(code, redirect, verifier));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), again.toErrorResponse().getErrorObject().getCode());
        awaitRefused(product, tokens.getAccessToken().getValue());

        // a second authorization is not asked again
        Tokens first = codeWithoutAsking(metadata, client);

        // refresh rotates; the used refresh token replayed revokes the family
        Tokens rotated = ((AccessTokenResponse) CodeFlowInBrowser.token(tokenEndpoint, client,
                new RefreshTokenGrant(first.getRefreshToken()))).getTokens();
        assertNotEquals(first.getRefreshToken(), rotated.getRefreshToken());
        assertEquals(200, menu(product, rotated.getAccessToken().getValue()).statusCode());
        TokenResponse replayed = CodeFlowInBrowser.token(tokenEndpoint, client,
                new RefreshTokenGrant(first.getRefreshToken()));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), replayed.toErrorResponse().getErrorObject().getCode());
        awaitRefused(product, rotated.getAccessToken().getValue());
        assertFalse(CodeFlowInBrowser.token(tokenEndpoint, client, new RefreshTokenGrant(rotated.getRefreshToken()))
                .indicatesSuccess(), "the family's newest refresh token is revoked too");

        // the application ends the person's session: it revokes the refresh token (RFC 7009)
        Tokens last = codeWithoutAsking(metadata, client);
        assertEquals(200, new TokenRevocationRequest(metadata.getRevocationEndpointURI(), client.authentication(),
                last.getRefreshToken()).toHTTPRequest().send().getStatusCode());
        awaitRefused(product, last.getAccessToken().getValue());
        assertFalse(CodeFlowInBrowser.token(tokenEndpoint, client, new RefreshTokenGrant(last.getRefreshToken()))
                .indicatesSuccess());

        // the person withdraws their consent in the portal: the application's tokens die, it must ask again
        Tokens held = codeWithoutAsking(metadata, client);
        portal.open("");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Authorized apps"))).click();
        wait.until(ExpectedConditions.titleIs("Authorized applications · Gatehouse"));
        String row = "//tr[td[normalize-space(.)='" + client.applicationName() + "']]";
        assertTrue(browser.findElement(By.xpath(row)).getText().contains("Authorizing developer"));
        Accessibility.assertAccessible(browser, "Authorized applications");
        browser.findElement(By.xpath(row + "//button[normalize-space(.)='Withdraw']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages_container"),
                "may no longer act in your name"));
        portal.screenshot("authorized-applications-withdrawn");
        awaitRefused(product, held.getAccessToken().getValue());
        assertFalse(CodeFlowInBrowser.token(tokenEndpoint, client, new RefreshTokenGrant(held.getRefreshToken()))
                .indicatesSuccess());
        browser.get(authorization(metadata, client, redirect, new State(), new CodeVerifier()).toString());
        wait.until(ExpectedConditions.titleIs("Authorize an application · Gatehouse"));
    }

    @Test
    void promptAndMaxAgeDecideWhetherThePersonIsAskedAgain(RunningProduct product) throws Exception {
        Client client = flow.registeredClient();
        String person = flow.person().getString("username");
        AuthorizationServerMetadata metadata = flow.metadata();
        URI redirect = flow.redirect();

        // prompt=none before signing in: back to the application at once with login_required
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        browser.get(CodeFlowInBrowser.request(metadata, client, redirect, state, verifier).customParameter("prompt", "none")
                .build().toURI().toString());
        AuthorizationErrorResponse loginRequired = AuthorizationResponse.parse(flow.arrived()).toErrorResponse();
        assertEquals("login_required", loginRequired.getErrorObject().getCode());
        assertEquals(state, loginRequired.getState());

        // signed in, not yet allowed: prompt=none hears consent_required; then allowed once
        browser.get(authorization(metadata, client, redirect, new State(), verifier).toString());
        flow.signIn(person);
        wait.until(ExpectedConditions.titleIs("Authorize an application · Gatehouse"));
        browser.get(CodeFlowInBrowser.request(metadata, client, redirect, new State(), verifier)
                .customParameter("prompt", "none").build().toURI().toString());
        assertEquals("consent_required", AuthorizationResponse.parse(flow.arrived()).toErrorResponse()
                .getErrorObject().getCode());
        browser.get(authorization(metadata, client, redirect, new State(), verifier).toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("decision:allow"))).click();
        assertTrue(AuthorizationResponse.parse(flow.arrived()).indicatesSuccess());

        // allowed and signed in: prompt=none answers with a code, no page shown
        browser.get(CodeFlowInBrowser.request(metadata, client, redirect, new State(), verifier)
                .customParameter("prompt", "none").build().toURI().toString());
        assertTrue(AuthorizationResponse.parse(flow.arrived()).indicatesSuccess(), "silent authorization");

        // prompt=consent asks again although allowed
        browser.get(CodeFlowInBrowser.request(metadata, client, redirect, new State(), verifier)
                .customParameter("prompt", "consent").build().toURI().toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("decision:allow"))).click();
        assertTrue(AuthorizationResponse.parse(flow.arrived()).indicatesSuccess());

        // prompt=login, and a sign-in older than max_age: the person signs in again, then goes on without asking
        for (String again : new String[] {"prompt=login", "max_age=1"}) {
            Thread.sleep(2000); // the last sign-in is then older than max_age
            State fresh = new State();
            browser.get(CodeFlowInBrowser.request(metadata, client, redirect, fresh, verifier).build().toURI()
                    + "&" + again);
            flow.signIn(person);
            AuthorizationResponse signedInAgain = AuthorizationResponse.parse(flow.arrived());
            assertTrue(signedInAgain.indicatesSuccess(), again + ": " + signedInAgain);
            assertEquals(fresh, signedInAgain.getState(), again);
        }
        // prompt=none with a sign-in older than max_age: login_required, nothing shown
        Thread.sleep(2000);
        browser.get(CodeFlowInBrowser.request(metadata, client, redirect, new State(), verifier)
                .customParameter("prompt", "none").build().toURI() + "&max_age=1");
        assertEquals("login_required", AuthorizationResponse.parse(flow.arrived()).toErrorResponse()
                .getErrorObject().getCode());

        // prompt=none with another value is a bad request, said to the application
        HttpResponse<String> mixed = noRedirects.send(HttpRequest.newBuilder(URI.create(CodeFlowInBrowser.request(
                metadata, client, redirect, new State(), verifier).build().toURI() + "&prompt=none%20login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, mixed.statusCode(), mixed.body());
        assertTrue(mixed.headers().firstValue("Location").orElseThrow().contains("error=invalid_request"));
        String discovery = noRedirects.send(HttpRequest.newBuilder(product.uri(".well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(discovery.contains("\"prompt_values_supported\":[\"none\",\"login\",\"consent\",\"select_account\"]"),
                discovery);
    }

    @Test
    void anUntrustedRedirectIsNeverFollowedAndPlainPkceGoesBackAsAnError(RunningProduct product) throws Exception {
        URI redirect = flow.redirect();
        Client client = flow.registeredClient();
        String authorize = "oauth2/authorize?response_type=code&client_id=" + client.clientId() + "&state=s1";

        HttpResponse<String> foreign = noRedirects.send(HttpRequest.newBuilder(product.uri(authorize
                + "&redirect_uri=https%3A%2F%2Fattacker.example%2Fcb&code_challenge_method=S256&code_challenge="
                + new CodeVerifier().getValue().substring(0, 43))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, foreign.statusCode(), foreign.body());
        assertTrue(foreign.headers().firstValue("Location").isEmpty(), "never redirected");
        assertTrue(foreign.body().contains("redirect_uri is not one of the application&#39;s callback URLs"), foreign.body());

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
        // a public client must require PKCE (its configuration cannot say otherwise): the same answer for it
        assertTrue(missing.headers().firstValue("Location").orElseThrow().contains("error=invalid_request"),
                "this client requires PKCE");
    }

    private URI authorization(AuthorizationServerMetadata metadata, Client client, URI redirect, State state,
            CodeVerifier verifier) {
        return CodeFlowInBrowser.request(metadata, client, redirect, state, verifier).build().toURI();
    }

    /** A person who allowed the application before is sent straight back with a code: redeemed here. */
    private Tokens codeWithoutAsking(AuthorizationServerMetadata metadata, Client client) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        browser.get(authorization(metadata, client, flow.redirect(), new State(), verifier).toString());
        AuthorizationResponse remembered = AuthorizationResponse.parse(flow.arrived());
        assertTrue(remembered.indicatesSuccess(), "consent remembered");
        return CodeFlowInBrowser.redeem(metadata.getTokenEndpointURI(), client,
                remembered.toSuccessResponse().getAuthorizationCode(), flow.redirect(), verifier);
    }

    private HttpResponse<String> menu(RunningProduct product, String token) throws Exception {
        return flow.menu(product::uri, token);
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
}
