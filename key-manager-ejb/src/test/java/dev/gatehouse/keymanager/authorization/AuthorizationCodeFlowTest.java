package dev.gatehouse.keymanager.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.keymanager.accounts.AccountTesting;
import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.ApplicationServiceBean;
import dev.gatehouse.keymanager.applications.ApplicationTesting;
import dev.gatehouse.keymanager.authorization.api.AuthorizationRefused;
import dev.gatehouse.keymanager.authorization.api.AuthorizationRequest;
import dev.gatehouse.keymanager.authorization.api.ConsentPrompt;
import dev.gatehouse.keymanager.authorization.api.InvalidGrant;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.clients.ApplicationKeysBean;
import dev.gatehouse.keymanager.clients.ClientAuthenticationBean;
import dev.gatehouse.keymanager.clients.ClientDirectory;
import dev.gatehouse.keymanager.clients.ClientTesting;
import dev.gatehouse.keymanager.clients.api.ClientCredentials;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.GeneratedKeys;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.database.TestDatabase;
import dev.gatehouse.keymanager.database.TestPersistence;
import dev.gatehouse.keymanager.signingkeys.MutableClock;
import dev.gatehouse.keymanager.signingkeys.ScopedEntityManager;
import dev.gatehouse.keymanager.signingkeys.SigningAlgorithm;

import dev.gatehouse.keymanager.signingkeys.SigningKeysTesting;
import dev.gatehouse.keymanager.revocations.RecordingAuditLog;
import dev.gatehouse.keymanager.revocations.RevocationServiceBean;
import dev.gatehouse.keymanager.revocations.RevocationTesting;
import dev.gatehouse.keymanager.tokens.TokenServiceBean;
import dev.gatehouse.keymanager.tokens.TokenTesting;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenCheck;
import dev.gatehouse.keymanager.tokens.api.TokenClaims;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code flow with the real beans on a database: what the authorization endpoint refuses and how
 * (never a redirect to an unchecked URI), codes bound to client, redirect URI and PKCE and used once, tokens that
 * act for the person, refresh tokens that rotate, and a replayed code or refresh token revoking what it issued.
 */
class AuthorizationCodeFlowTest {

    private static final String CALLBACK = "http://localhost:9999/callback";
    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";
    private static final Instant SIGNED_IN = Instant.parse("2026-12-01T08:00:00Z");

    private TestPersistence persistence;
    private ScopedEntityManager scope;
    private MutableClock clock;
    private TokenServiceBean tokens;
    private SigningKeysTesting.Wired signing;
    private ApplicationServiceBean applications;
    private ClientDirectory directory;
    private ApplicationKeysBean keys;
    private AuthorizationServiceBean authorizations;
    private PersonGrantsBean grants;
    private Caller developer;
    private Caller person;
    private UUID application;
    private String clientId;
    private String secret;

    /** The database the test runs on; {@link AuthorizationCodeFlowOnPostgresqlTest} runs every test on the other. */
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeEach
    void wire() {
        persistence = TestPersistence.on(database());
        scope = new ScopedEntityManager(persistence);
        clock = MutableClock.startingNow();
        RecordingAuditLog audit = new RecordingAuditLog();
        ChangeFeed changes = ChangeFeedTesting.on(scope.entityManager());
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        signing = SigningKeysTesting.wire(scope.entityManager(), changes, audit,
                SigningKeysTesting.settings(SigningAlgorithm.RS256), kek, clock);
        scope.run(() -> SigningKeysTesting.advance(signing));
        RevocationServiceBean revocations = RevocationTesting.wire(scope.entityManager(), changes, audit,
                SigningKeysTesting.MAX_LIFETIME, clock);
        var accounts = AccountTesting.service(scope.entityManager());
        applications = ApplicationTesting.service(scope.entityManager(), revocations, changes,
                audit, accounts);
        tokens = TokenTesting.wire(signing.ring(), revocations, applications, audit, clock);
        var clients = ClientTesting.repository(scope.entityManager());
        keys = ClientTesting.keys(scope.entityManager(), clients, tokens, revocations, changes, audit);
        directory = ClientTesting.directory(scope, clients, audit, clock);
        ClientAuthenticationBean authentication = ClientTesting.authentication(directory);

        authorizations = new AuthorizationServiceBean();
        authorizations.em = scope.entityManager();
        authorizations.clients = authentication;
        authorizations.applications = applications;
        authorizations.audit = audit;
        authorizations.revocations = revocations;
        authorizations.issuer = TokenTesting.ISSUER;
        authorizations.clock = clock;
        GrantReplay replay = new GrantReplay() {
            // REQUIRES_NEW: committed although the refused grant's transaction rolls back
            @Override
            public void codeUsedAgain(UUID authorizationId) {
                scope.run(() -> super.codeUsedAgain(authorizationId));
            }

            @Override
            public void refreshTokenUsedAgain(UUID family) {
                scope.run(() -> super.refreshTokenUsedAgain(family));
            }
        };
        replay.em = scope.entityManager();
        replay.revocations = revocations;
        replay.audit = audit;
        replay.clock = clock;
        authorizations.replay = replay;
        grants = new PersonGrantsBean();
        grants.em = scope.entityManager();
        grants.clients = authentication;
        grants.tokens = tokens;
        grants.accounts = accounts;
        grants.replay = replay;
        grants.clock = clock;

        developer = account("dev");
        person = account("person");
        application = application(developer, "orders:read orders:write");
        GeneratedKeys generated = call(() -> keys.generate(developer, application, Environment.PRODUCTION));
        clientId = generated.keys().clientId();
        secret = generated.secret().value();
        configure(false, false);
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    private void configure(boolean pkceRequired, boolean publicClient) {
        configure(pkceRequired, publicClient, CALLBACK, false);
    }

    private void configure(boolean pkceRequired, boolean publicClient, String callback, boolean tryItConsole) {
        Set<String> grantTypes = publicClient
                ? Set.of(OAuthConfiguration.AUTHORIZATION_CODE, OAuthConfiguration.REFRESH_TOKEN)
                : Set.of(OAuthConfiguration.CLIENT_CREDENTIALS, OAuthConfiguration.AUTHORIZATION_CODE,
                        OAuthConfiguration.REFRESH_TOKEN);
        call(() -> keys.configure(developer, application, Environment.PRODUCTION,
                new OAuthConfiguration(grantTypes, 600, 3600, callback, pkceRequired, publicClient,
                        tryItConsole)));
        ClientTesting.poll(scope, directory);
    }

    private <T> T call(Supplier<T> work) {
        return scope.inTransaction(work);
    }

    private static AuthorizationRequest request(String clientId, String redirectUri, String scope, String challenge,
            String method) {
        return new AuthorizationRequest(clientId, redirectUri, "code", scope, "xyz", "n-0S6_WzA2Mj", challenge,
                method);
    }

    private AuthorizationRequest withPkce(String scope) {
        return request(clientId, CALLBACK, scope, Pkce.s256(VERIFIER), "S256");
    }

    /** Allowed by the person: answers the code from the redirect. */
    private String code(AuthorizationRequest request) {
        scope.run(() -> authorizations.check(request));
        URI back = call(() -> authorizations.decide(person, SIGNED_IN, request, true));
        Map<String, String> parameters = query(back);
        assertTrue(back.toString().startsWith(CALLBACK + "?"), back.toString());
        assertEquals("xyz", parameters.get("state"));
        assertEquals(TokenTesting.ISSUER, parameters.get("iss"), "RFC 9207");
        return parameters.get("code");
    }

    private IssuedToken redeem(String code, String verifier) {
        return call(() -> grants.authorizationCode(new ClientCredentials(clientId, secret, "127.0.0.1"), code, CALLBACK,
                verifier));
    }

    private IssuedToken refresh(String refreshToken, Set<String> scopes) {
        return call(() -> grants.refreshToken(new ClientCredentials(clientId, secret, "127.0.0.1"), refreshToken,
                scopes));
    }

    private TokenCheck check(IssuedToken token) {
        return call(() -> tokens.check(token.accessToken()));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    @Test
    void aPersonsCodeBecomesTheirAccessTokenAndARefreshTokenOnce() {
        String code = code(withPkce("orders:read"));

        IssuedToken token = redeem(code, VERIFIER);

        TokenClaims claims = check(token).claims().orElseThrow();
        assertEquals(person.accountId().toString(), claims.subject(), "acts for the person");
        assertEquals(clientId, claims.clientId());
        assertEquals(application, claims.applicationId());
        assertEquals(Set.of("orders:read"), claims.scopes());
        assertNotNull(token.refreshToken(), "the client may refresh");

        InvalidGrant again = assertThrows(InvalidGrant.class, () -> redeem(code, VERIFIER));
        assertTrue(again.getMessage().contains("already used"), again.getMessage());
        assertEquals("token_revoked", check(token).reason(), "a code used twice revokes what it issued");
        assertThrows(InvalidGrant.class, () -> refresh(token.refreshToken(), Set.of()), "and its refresh token");
    }

    @Test
    void theVerifierTheRedirectUriAndTheClientMustMatchAndTheCodeDiesAfterAMinute() {
        String code = code(withPkce(null));
        assertEquals("invalid_grant", assertThrows(InvalidGrant.class, () -> redeem(code, VERIFIER + "x")).reason());
        assertThrows(InvalidGrant.class, () -> redeem(code, null), "PKCE verifier missing");
        assertThrows(InvalidGrant.class, () -> call(() -> grants.authorizationCode(
                new ClientCredentials(clientId, secret, "127.0.0.1"), code, "http://localhost:9999/other", VERIFIER)));
        assertThrows(InvalidClient.class, () -> call(() -> grants.authorizationCode(
                new ClientCredentials(clientId, "wrong", "127.0.0.1"), code, CALLBACK, VERIFIER)));
        assertNotNull(redeem(code, VERIFIER).accessToken(), "refusals do not use the code up");

        String late = code(withPkce(null));
        clock.advance(Duration.ofSeconds(61));
        assertThrows(InvalidGrant.class, () -> redeem(late, VERIFIER));

        String unbound = code(request(clientId, CALLBACK, null, null, null));
        assertThrows(InvalidGrant.class, () -> redeem(unbound, VERIFIER),
                "a verifier for a code without a challenge is refused (RFC 9700 §2.1.1)");
    }

    @Test
    void anUnknownClientOrAForeignRedirectUriIsNeverRedirectedTo() {
        AuthorizationRefused unknown = assertThrows(AuthorizationRefused.class,
                () -> scope.run(() -> authorizations.check(request("no-such-client", CALLBACK, null, null, null))));
        assertTrue(unknown.redirect().isEmpty());
        AuthorizationRefused foreign = assertThrows(AuthorizationRefused.class,
                () -> scope.run(() -> authorizations.check(request(clientId, "https://attacker.example/cb", null,
                        null, null))));
        assertTrue(foreign.redirect().isEmpty());
        assertEquals("invalid_request", foreign.reason());
    }

    @Test
    void thePortalsTryItPageIsACallbackOnlyWhereTheDeveloperAllowedIt() {
        String tryIt = TokenTesting.ISSUER + OAuthConfiguration.TRY_IT_REDIRECT_PATH;
        assertEquals(tryIt, authorizations.tryItRedirectUri());
        AuthorizationRefused notAllowed = assertThrows(AuthorizationRefused.class, () -> scope.run(() ->
                authorizations.check(request(clientId, tryIt, null, Pkce.s256(VERIFIER), "S256"))));
        assertTrue(notAllowed.redirect().isEmpty(), "never redirected to");

        configure(false, false, CALLBACK, true);
        AuthorizationRequest console = request(clientId, tryIt, "orders:read", Pkce.s256(VERIFIER), "S256");
        scope.run(() -> authorizations.check(console));
        URI back = call(() -> authorizations.decide(person, SIGNED_IN, console, true));
        assertTrue(back.toString().startsWith(tryIt + "?"), back.toString());
        IssuedToken token = call(() -> grants.authorizationCode(new ClientCredentials(clientId, secret, "127.0.0.1"),
                query(back).get("code"), tryIt, VERIFIER));
        assertEquals(person.accountId().toString(), check(token).claims().orElseThrow().subject());
        assertNotNull(code(withPkce(null)), "the application's own callback still works");
        AuthorizationRefused unnamed = assertThrows(AuthorizationRefused.class, () -> scope.run(() ->
                authorizations.check(request(clientId, null, null, Pkce.s256(VERIFIER), "S256"))));
        assertTrue(unnamed.getMessage().contains("redirect_uri is required"), unnamed.getMessage());

        configure(false, false, null, true);
        scope.run(() -> authorizations.check(request(clientId, null, null, Pkce.s256(VERIFIER), "S256")));
    }

    @Test
    void otherRefusalsGoBackToTheClientWithStateAndIssuer() {
        AuthorizationRefused plain = assertThrows(AuthorizationRefused.class,
                () -> scope.run(() -> authorizations.check(request(clientId, CALLBACK, null, VERIFIER, "plain"))));
        Map<String, String> back = query(plain.redirect().orElseThrow());
        assertEquals("invalid_request", back.get("error"));
        assertEquals("xyz", back.get("state"));
        assertEquals(TokenTesting.ISSUER, back.get("iss"));

        AuthorizationRefused badScope = assertThrows(AuthorizationRefused.class,
                () -> scope.run(() -> authorizations.check(withPkce("admin:everything"))));
        assertEquals("invalid_scope", query(badScope.redirect().orElseThrow()).get("error"));

        configure(true, true);
        AuthorizationRefused noPkce = assertThrows(AuthorizationRefused.class,
                () -> scope.run(() -> authorizations.check(request(clientId, CALLBACK, null, null, null))));
        assertEquals("invalid_request", query(noPkce.redirect().orElseThrow()).get("error"),
                "a public client must use PKCE");
    }

    @Test
    void denyingSendsAccessDeniedAndWritesNothing() {
        AuthorizationRequest request = withPkce(null);
        ConsentPrompt prompt = call(() -> authorizations.prompt(person, request));
        assertEquals("dev", prompt.developer().substring(0, 3));
        assertEquals("http://localhost:9999", prompt.returnsTo());
        assertFalse(prompt.alreadyAllowed());

        URI back = call(() -> authorizations.decide(person, SIGNED_IN, request, false));

        assertEquals("access_denied", query(back).get("error"));
        assertEquals(0L, (long) persistence.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM Authorization a")
                .getSingleResult()), "nothing written for a request but a code");
    }

    @Test
    void consentIsRememberedForTheScopesAllowed() {
        code(withPkce("orders:read"));
        AuthorizationRequest same = withPkce("orders:read");
        assertTrue(call(() -> authorizations.prompt(person, same)).alreadyAllowed());
        AuthorizationRequest more = withPkce("orders:read orders:write");
        assertFalse(call(() -> authorizations.prompt(person, more)).alreadyAllowed(), "a new scope is asked for");
        Caller other = account("other");
        assertFalse(call(() -> authorizations.prompt(other, same)).alreadyAllowed(), "per person");
    }

    @Test
    void aRefreshTokenRotatesNarrowsAndWhenReplayedRevokesItsFamily() {
        IssuedToken first = redeem(code(withPkce("orders:read orders:write")), VERIFIER);

        IssuedToken second = refresh(first.refreshToken(), Set.of("orders:read"));
        assertNotEquals(first.refreshToken(), second.refreshToken(), "rotated");
        assertEquals(Set.of("orders:read"), check(second).claims().orElseThrow().scopes(), "narrowed");
        BusinessException wider = assertThrows(BusinessException.class,
                () -> refresh(second.refreshToken(), Set.of("orders:read", "admin")));
        assertEquals("invalid_scope", wider.reason());
        IssuedToken third = refresh(second.refreshToken(), Set.of());
        assertEquals(Set.of("orders:read"), check(third).claims().orElseThrow().scopes(), "never widened again");

        InvalidGrant replayed = assertThrows(InvalidGrant.class, () -> refresh(first.refreshToken(), Set.of()));

        assertTrue(replayed.getMessage().contains("family"), replayed.getMessage());
        for (IssuedToken token : new IssuedToken[] {first, second, third}) {
            assertEquals("token_revoked", check(token).reason(), "every access token of the family");
        }
        assertThrows(InvalidGrant.class, () -> refresh(third.refreshToken(), Set.of()), "the newest one too");
    }

    @Test
    void theOpenidScopeBringsAnIdTokenForTheClientWithTheNonceAndWhoSignedInWhen() throws Exception {
        IssuedToken token = redeem(code(withPkce("openid email orders:read")), VERIFIER);

        SignedJWT id = SignedJWT.parse(token.idToken());
        assertEquals(JOSEObjectType.JWT, id.getHeader().getType(), "not an access token");
        assertTrue(id.verify(new RSASSAVerifier(((RSAKey) JWKSet.parse(call(signing::jwks)).getKeyByKeyId(
                id.getHeader().getKeyID())).toRSAPublicKey())), "signed with the published key");
        JWTClaimsSet claims = id.getJWTClaimsSet();
        assertEquals(TokenTesting.ISSUER, claims.getIssuer());
        assertEquals(person.accountId().toString(), claims.getSubject());
        assertEquals(java.util.List.of(clientId), claims.getAudience());
        assertEquals(clientId, claims.getStringClaim("azp"));
        assertEquals("n-0S6_WzA2Mj", claims.getStringClaim("nonce"));
        assertEquals(SIGNED_IN.getEpochSecond(), claims.getLongClaim("auth_time"));
        assertEquals(person.username() + "@example.com", claims.getStringClaim("email"));
        assertEquals(null, claims.getStringClaim("preferred_username"), "no profile scope, no name");
        assertEquals(Set.of("openid", "email", "orders:read"), check(token).claims().orElseThrow().scopes());
        assertEquals("token_type_invalid", check(new IssuedToken(token.idToken(), "Bearer", 60, "", "x",
                Instant.now())).reason(), "an ID token never passes as an access token");

        IssuedToken withoutOpenid = redeem(code(withPkce("orders:read")), VERIFIER);
        assertEquals(null, withoutOpenid.idToken());
        AuthorizationRefused profileAlone = assertThrows(AuthorizationRefused.class,
                () -> scope.run(() -> authorizations.check(withPkce("profile"))));
        assertEquals("invalid_scope", profileAlone.reason());
    }

    @Test
    void aRefreshBringsANewIdTokenForTheSameSignInWithoutTheNonceEvenAfterTheFirstAccessTokenIsGone()
            throws Exception {
        IssuedToken first = redeem(code(withPkce("openid orders:read")), VERIFIER);
        clock.advance(Duration.ofMinutes(20)); // past the first access token (600 s); the refresh token (1 h) lives
        call(() -> authorizations.purgeExpired());

        IssuedToken refreshed = refresh(first.refreshToken(), Set.of());

        JWTClaimsSet claims = SignedJWT.parse(refreshed.idToken()).getJWTClaimsSet();
        assertEquals(person.accountId().toString(), claims.getSubject());
        assertEquals(java.util.List.of(clientId), claims.getAudience());
        assertEquals(SIGNED_IN.getEpochSecond(), claims.getLongClaim("auth_time"), "the time of the sign-in");
        assertEquals(null, claims.getStringClaim("nonce"), "OpenID Connect Core 12.2: no nonce");
        assertTrue(claims.getIssueTime().toInstant().isAfter(Instant.ofEpochMilli(
                SignedJWT.parse(first.idToken()).getJWTClaimsSet().getIssueTime().getTime())), "issued now");
        assertEquals(null, refresh(refreshed.refreshToken(), Set.of("orders:read")).idToken(),
                "narrowed without openid: no ID token");
    }

    @Test
    void promptAndMaxAgeAreCheckedAndPromptNoneAnswersWithoutAsking() {
        AuthorizationRequest plain = withPkce("orders:read");
        for (String[] bad : new String[][] {{"none login", null}, {"sometimes", null}, {null, "-1"}, {null, "soon"}}) {
            AuthorizationRequest request = new AuthorizationRequest(plain.clientId(), plain.redirectUri(),
                    plain.responseType(), plain.scope(), plain.state(), plain.nonce(), plain.codeChallenge(),
                    plain.codeChallengeMethod(), bad[0], bad[1]);
            AuthorizationRefused refused = assertThrows(AuthorizationRefused.class,
                    () -> scope.run(() -> authorizations.check(request)), String.join(",", Arrays.asList(bad)));
            assertEquals("invalid_request", refused.reason());
            assertTrue(refused.redirect().isPresent(), "told to the application");
        }
        AuthorizationRequest silent = new AuthorizationRequest(plain.clientId(), plain.redirectUri(),
                plain.responseType(), plain.scope(), plain.state(), plain.nonce(), plain.codeChallenge(),
                plain.codeChallengeMethod(), "none", "600");
        Map<String, String> back = query(call(() -> authorizations.withoutInteraction(silent, "login_required")));
        assertEquals("login_required", back.get("error"));
        assertEquals("xyz", back.get("state"));
        assertEquals(TokenTesting.ISSUER, back.get("iss"));

        Instant signedIn = Instant.parse("2031-01-01T10:00:00Z");
        assertTrue(silent.withoutInteraction());
        assertFalse(silent.needsSignInSince(signedIn, signedIn.plusSeconds(600)), "within max_age");
        assertTrue(silent.needsSignInSince(signedIn, signedIn.plusSeconds(601)), "older than max_age");
        AuthorizationRequest login = new AuthorizationRequest(plain.clientId(), null, "code", "a b", "s t", null,
                null, null, "login consent", "0");
        assertTrue(login.needsSignInSince(Instant.now(), Instant.now()));
        AuthorizationRequest after = login.signedInNow();
        assertFalse(after.needsSignInSince(Instant.now(), Instant.now()), "met once signed in: no loop");
        assertEquals("consent", after.prompt());
        assertEquals("client_id=" + plain.clientId() + "&response_type=code&scope=a+b&state=s+t&prompt=consent",
                after.toQuery());
    }

    @Test
    void aPersonWithdrawsTheirConsentAndTheApplicationsTokensInTheirNameDie() {
        IssuedToken refreshed = redeem(code(withPkce("orders:read")), VERIFIER);
        var authorizedApps = call(() -> authorizations.authorized(person));
        assertEquals(1, authorizedApps.size());
        assertEquals(application, authorizedApps.get(0).applicationId());
        assertEquals(java.util.List.of("orders:read"), authorizedApps.get(0).scopes());
        assertTrue(call(() -> authorizations.authorized(developer)).isEmpty(), "each person sees their own");

        scope.run(() -> authorizations.withdraw(developer, application));
        assertTrue(check(refreshed).isAccepted(), "another person's withdrawal changes nothing");
        scope.run(() -> authorizations.withdraw(person, application));

        assertEquals("token_revoked", check(refreshed).reason());
        assertThrows(InvalidGrant.class, () -> refresh(refreshed.refreshToken(), Set.of()));
        assertTrue(call(() -> authorizations.authorized(person)).isEmpty());
        assertFalse(call(() -> authorizations.prompt(person, withPkce("orders:read"))).alreadyAllowed(), "asked again");
    }

    @Test
    void aFirstPartyApplicationIsNotAskedForConsentAndOnlyAnAdministratorSaysSo() {
        Caller administrator = new Caller(UUID.randomUUID(), "root", Set.of(Role.ADMIN));
        BusinessException notAdmin = assertThrows(BusinessException.class,
                () -> call(() -> applications.markFirstParty(developer, application, true)));
        assertEquals("admin_role_required", notAdmin.reason());
        assertFalse(call(() -> authorizations.prompt(person, withPkce(null))).alreadyAllowed());

        assertTrue(call(() -> applications.markFirstParty(administrator, application, true)).firstParty());

        assertTrue(call(() -> authorizations.prompt(person, withPkce(null))).alreadyAllowed(), "not asked");
        call(() -> applications.markFirstParty(administrator, application, false));
        assertFalse(call(() -> authorizations.prompt(person, withPkce(null))).alreadyAllowed(), "asked again");
    }

    @Test
    void revokingARefreshTokenRevokesItsGrantOnlyForItsOwnClient() {
        IssuedToken first = redeem(code(withPkce(null)), VERIFIER);
        IssuedToken second = refresh(first.refreshToken(), Set.of());

        scope.run(() -> grants.revokeRefreshToken("another-client", second.refreshToken()));
        assertTrue(check(second).isAccepted(), "another client's revocation is ignored");

        scope.run(() -> grants.revokeRefreshToken(clientId, second.refreshToken()));

        assertEquals("token_revoked", check(second).reason());
        assertEquals("token_revoked", check(first).reason(), "the grant's earlier access token too");
        assertThrows(InvalidGrant.class, () -> refresh(second.refreshToken(), Set.of()));
    }

    @Test
    void expiredRequestsCodesAndRefreshTokensArePurged() {
        IssuedToken token = redeem(code(withPkce(null)), VERIFIER);
        String unused = code(withPkce(null));
        assertEquals(0, (int) call(() -> authorizations.purgeExpired()), "nothing has expired");

        clock.advance(Duration.ofHours(2)); // past the codes, the access token (600 s) and the refresh token (1 h)

        assertEquals(3, (int) call(() -> authorizations.purgeExpired()),
                "the unused code, the redeemed one and the refresh token");
        assertThrows(InvalidGrant.class, () -> redeem(unused, VERIFIER));
        assertThrows(InvalidGrant.class, () -> refresh(token.refreshToken(), Set.of()));
    }

    @Test
    void aPublicClientRedeemsWithItsIdAndVerifierAlone() {
        configure(true, true);
        String code = code(withPkce(null));
        ClientCredentials publicClient = new ClientCredentials(clientId, null, "127.0.0.1");

        IssuedToken token = call(() -> grants.authorizationCode(publicClient, code, CALLBACK, VERIFIER));

        assertTrue(check(token).isAccepted());
        assertEquals(null, check(token).claims().orElseThrow().secretId());
        IssuedToken refreshed = call(() -> grants.refreshToken(publicClient, token.refreshToken(), Set.of()));
        assertTrue(check(refreshed).isAccepted());

        configure(false, false);
        String confidential = code(withPkce(null));
        assertThrows(InvalidClient.class, () -> call(() -> grants.authorizationCode(publicClient, confidential,
                CALLBACK, VERIFIER)), "a confidential client must authenticate");
    }

    private Caller account(String prefix) {
        UUID id = UUID.randomUUID();
        String name = prefix + id.toString().substring(0, 8);
        persistence.inTransactionDo(em -> em.createNativeQuery("INSERT INTO accounts (id, username, username_key,"
                + " email, email_key, display_name, password_hash, created_at) VALUES (?1, ?2, ?2, ?3, ?3, ?2, 'x',"
                + " CURRENT_TIMESTAMP)").setParameter(1, id).setParameter(2, name)
                .setParameter(3, name + "@example.com").executeUpdate());
        return new Caller(id, name, Set.of(Role.DEVELOPER));
    }

    /** An application subscribed to an API whose operations have these scopes. */
    private UUID application(Caller owner, String scopes) {
        UUID id = UUID.randomUUID();
        UUID api = UUID.randomUUID();
        persistence.inTransactionDo(em -> {
            em.createNativeQuery("INSERT INTO applications (id, owner_id, name, name_key, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").setParameter(1, id)
                    .setParameter(2, owner.accountId()).setParameter(3, "app-" + id).executeUpdate();
            em.createNativeQuery("INSERT INTO apis (id, name, context, api_version, openapi_document, lifecycle,"
                    + " created_at, updated_at) VALUES (?1, ?2, ?2, '1.0', '{}', 'PUBLISHED', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)").setParameter(1, api).setParameter(2, "api-" + api).executeUpdate();
            em.createNativeQuery("INSERT INTO api_operations (id, api_id, http_method, path_template, scopes)"
                    + " VALUES (?1, ?2, 'GET', '/orders', ?3)").setParameter(1, UUID.randomUUID())
                    .setParameter(2, api).setParameter(3, scopes).executeUpdate();
            em.createNativeQuery("INSERT INTO subscriptions (id, application_id, api_id, plan_id, status, created_at,"
                    + " updated_at) VALUES (?1, ?2, ?3, '6b0c7a0e-0f3a-4c2e-9a51-000000000004', 'ACTIVE',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").setParameter(1, UUID.randomUUID())
                    .setParameter(2, id).setParameter(3, api).executeUpdate();
        });
        return id;
    }
}
