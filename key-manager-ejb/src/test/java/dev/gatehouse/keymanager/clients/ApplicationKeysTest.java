package dev.gatehouse.keymanager.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.ApplicationServiceBean;
import dev.gatehouse.keymanager.applications.ApplicationTesting;
import dev.gatehouse.keymanager.applications.api.ApplicationStatus;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.ChangeFeedTesting;
import dev.gatehouse.keymanager.clients.api.ClientCredentials;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.keymanager.clients.api.UnauthorizedClient;
import dev.gatehouse.keymanager.clients.api.GeneratedKeys;
import dev.gatehouse.keymanager.clients.api.NewSecret;
import dev.gatehouse.keymanager.clients.api.SecretRequest;
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
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The owner's keys with the real beans on a database: tokens from Token: Generate are bound to the key set's newest
 * active secret, so that revoking it revokes them, and a key set without an active secret issues none; introspection
 * answers as the gateway decides. The client-credentials grant serves known clients from memory and refuses a
 * revoked secret or a blocked application as soon as the change feed is read.
 */
class ApplicationKeysTest {

    private TestPersistence persistence;
    private ScopedEntityManager scope;
    private ApplicationKeysBean keys;
    private TokenServiceBean tokens;
    private ApplicationServiceBean applications;
    private Caller owner;
    private UUID application;
    private ClientDirectory directory;
    private SecretLastUse lastUse;
    private TokenGrantsBean grants;
    private final AtomicInteger clientReads = new AtomicInteger();

    @BeforeEach
    void wire() {
        persistence = TestPersistence.on(TestDatabase.H2);
        scope = new ScopedEntityManager(persistence);
        MutableClock clock = MutableClock.startingNow();
        RecordingAuditLog audit = new RecordingAuditLog();
        ChangeFeed changes = ChangeFeedTesting.on(scope.entityManager());
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        SigningKeysTesting.Wired signing = SigningKeysTesting.wire(scope.entityManager(), changes, audit,
                SigningKeysTesting.settings(SigningAlgorithm.RS256), kek, clock);
        scope.run(() -> SigningKeysTesting.advance(signing));
        RevocationServiceBean revocations = RevocationTesting.wire(scope.entityManager(), changes, audit,
                SigningKeysTesting.MAX_LIFETIME, clock);
        applications = ApplicationTesting.service(scope.entityManager(), revocations, changes, audit);
        tokens = TokenTesting.wire(signing.ring(), revocations, applications, audit, clock);
        ClientRepository clients = new ClientRepository() {
            @Override
            Optional<OAuthClient> byClientId(String clientId) {
                clientReads.incrementAndGet();
                return super.byClientId(clientId);
            }
        };
        ClientTesting.wire(clients, scope.entityManager());
        keys = ClientTesting.keys(scope.entityManager(), clients, tokens, revocations, changes, audit);
        owner = account("owner");
        application = application(owner);
        directory = ClientTesting.directory(scope, clients, audit, clock);
        lastUse = directory.lastUse;
        grants = new TokenGrantsBean();
        grants.directory = directory;
        grants.tokens = tokens;
    }

    private IssuedToken clientCredentials(GeneratedKeys generated) {
        return call(() -> grants.clientCredentials(new ClientCredentials(generated.keys().clientId(),
                generated.secret().value(), "127.0.0.1"), Set.of()));
    }

    @AfterEach
    void close() {
        persistence.close();
    }

    private <T> T call(Supplier<T> work) {
        return scope.inTransaction(work);
    }

    private Caller account(String prefix) {
        UUID id = UUID.randomUUID();
        String name = prefix + id.toString().substring(0, 8);
        persistence.inTransactionDo(em -> em.createNativeQuery("INSERT INTO accounts (id, username, username_key, email,"
                + " email_key, display_name, password_hash, created_at) VALUES (?1, ?2, ?2, ?3, ?3, ?2, 'x', CURRENT_TIMESTAMP)")
                .setParameter(1, id).setParameter(2, name).setParameter(3, name + "@example.com").executeUpdate());
        return new Caller(id, name, Set.of(Role.DEVELOPER));
    }

    private UUID application(Caller caller) {
        UUID id = UUID.randomUUID();
        persistence.inTransactionDo(em -> em.createNativeQuery("INSERT INTO applications (id, owner_id, name, name_key,"
                + " created_at, updated_at) VALUES (?1, ?2, ?3, ?3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, id).setParameter(2, caller.accountId()).setParameter(3, "app-" + id).executeUpdate());
        return id;
    }

    private IssuedToken testToken() {
        return call(() -> keys.testToken(owner, application, Environment.PRODUCTION, Set.of(), null));
    }

    private TokenClaims claims(IssuedToken token) {
        return call(() -> tokens.check(token.accessToken())).claims().orElseThrow();
    }

    @Test
    void aPortalTokenCarriesTheNewestActiveSecretAndDiesWithIt() {
        GeneratedKeys generated = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        UUID first = generated.secret().secret().id();

        IssuedToken withFirst = testToken();
        assertEquals(first, claims(withFirst).secretId(), "bound to the only secret");

        NewSecret second = call(() -> keys.addSecret(owner, application, Environment.PRODUCTION,
                new SecretRequest("next", null)));
        IssuedToken withSecond = testToken();
        assertEquals(second.secret().id(), claims(withSecond).secretId(), "bound to the newest active secret");

        scope.run(() -> keys.revokeSecret(owner, application, Environment.PRODUCTION, second.secret().id()));

        TokenCheck revoked = call(() -> tokens.check(withSecond.accessToken()));
        assertEquals("token_revoked", revoked.reason());
        assertTrue(call(() -> tokens.check(withFirst.accessToken())).isAccepted(), "the other secret's token lives");
        assertEquals(first, claims(testToken()).secretId(), "the remaining secret is the newest active one");
    }

    @Test
    void aKeySetWithoutAnActiveSecretIssuesNoToken() {
        GeneratedKeys generated = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        scope.run(() -> keys.revokeSecret(owner, application, Environment.PRODUCTION, generated.secret().secret().id()));

        BusinessException refused = assertThrows(BusinessException.class, () -> testToken());

        assertEquals("no_active_secret", refused.reason());
        assertTrue(refused.getMessage().contains("Generate a secret first"), refused.getMessage());
    }

    @Test
    void introspectionShowsOnlyTheRequestingClientsLiveTokens() {
        GeneratedKeys mine = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        Caller stranger = account("stranger");
        UUID strangersApplication = application(stranger);
        GeneratedKeys theirs = call(() -> keys.generate(stranger, strangersApplication, Environment.PRODUCTION));
        IssuedToken token = testToken();
        String clientId = mine.keys().clientId();

        assertTrue(call(() -> tokens.introspect(token.accessToken(), clientId)).active(), "its own live token");
        var foreign = call(() -> tokens.introspect(token.accessToken(), theirs.keys().clientId()));
        assertFalse(foreign.active(), "another client learns nothing");
        assertEquals(1, foreign.members().size(), "active=false alone");

        Caller admin = new Caller(UUID.randomUUID(), "admin", Set.of(Role.ADMIN));
        call(() -> applications.changeStatus(admin, application, ApplicationStatus.BLOCKED));
        assertFalse(call(() -> tokens.introspect(token.accessToken(), clientId)).active(), "blocked application");
        call(() -> applications.changeStatus(admin, application, ApplicationStatus.ACTIVE));
        assertTrue(call(() -> tokens.introspect(token.accessToken(), clientId)).active(), "unblocked");

        scope.run(() -> tokens.revoke(token.accessToken(), clientId));
        assertFalse(call(() -> tokens.introspect(token.accessToken(), clientId)).active(), "revoked");

        IssuedToken beforeDeletion = testToken();
        scope.run(() -> applications.delete(owner, application));
        assertFalse(call(() -> tokens.introspect(beforeDeletion.accessToken(), clientId)).active(),
                "deleted application");
        assertEquals("token_revoked", call(() -> tokens.check(beforeDeletion.accessToken())).reason(),
                "and its tokens revoked with it");
    }

    @Test
    void aTokenOfAnApplicationThatNoLongerExistsIsInactive() {
        GeneratedKeys mine = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        // a token that no revocation covers, of an application that is not there
        IssuedToken orphan = call(() -> tokens.issue(new TokenRequest(mine.keys().clientId(), UUID.randomUUID(),
                Environment.PRODUCTION, null, Set.of(), Duration.ofMinutes(5))));

        assertNotNull(call(() -> tokens.check(orphan.accessToken())).claims().orElse(null));
        assertFalse(call(() -> tokens.introspect(orphan.accessToken(), mine.keys().clientId())).active());
    }

    @Test
    void aKnownClientGetsItsTokensFromMemoryAndItsLastUseIsWrittenLater() {
        GeneratedKeys generated = call(() -> keys.generate(owner, application, Environment.PRODUCTION));

        clientCredentials(generated);
        clientCredentials(generated);
        IssuedToken third = clientCredentials(generated);

        assertEquals(1, clientReads.get(), "the client was read once, then known");
        assertThrows(InvalidClient.class, () -> call(() -> grants.clientCredentials(new ClientCredentials(
                generated.keys().clientId(), "a wrong secret", "127.0.0.1"), Set.of())));
        assertEquals(2, clientReads.get(), "a wrong secret is checked against the database once");
        assertThrows(InvalidClient.class, () -> call(() -> grants.clientCredentials(new ClientCredentials(
                "no-such-client", "a secret", "127.0.0.1"), Set.of())));
        assertEquals(3, clientReads.get(), "so is an unknown client, once");
        assertEquals(generated.secret().secret().id(), claims(third).secretId());
        assertEquals(null, lastUsed(), "nothing written on the token's path");
        scope.run(lastUse::write);
        assertNotNull(lastUsed(), "written in the next batch");
    }

    private java.time.Instant lastUsed() {
        return call(() -> keys.find(owner, application, Environment.PRODUCTION)).orElseThrow().secrets().get(0)
                .lastUsedAt();
    }

    @Test
    void aRevokedSecretGetsNoTokenOnceTheChangeFeedIsRead() {
        GeneratedKeys generated = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        clientCredentials(generated);

        scope.run(() -> keys.revokeSecret(owner, application, Environment.PRODUCTION, generated.secret().secret().id()));
        scope.run(directory::poll);

        assertThrows(InvalidClient.class, () -> clientCredentials(generated));
    }

    @Test
    void aBlockedApplicationGetsNoTokenOnceTheChangeFeedIsReadAndOneAgainWhenUnblocked() {
        GeneratedKeys generated = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        clientCredentials(generated);
        Caller admin = new Caller(UUID.randomUUID(), "admin", Set.of(Role.ADMIN));

        call(() -> applications.changeStatus(admin, application, ApplicationStatus.BLOCKED));
        scope.run(directory::poll);
        UnauthorizedClient refused = assertThrows(UnauthorizedClient.class, () -> clientCredentials(generated));
        assertEquals("The application is blocked.", refused.getMessage());

        call(() -> applications.changeStatus(admin, application, ApplicationStatus.ACTIVE));
        scope.run(directory::poll);
        assertNotNull(clientCredentials(generated).accessToken());
    }

    @Test
    void aSecretAddedAfterTheClientWasKnownWorksAtOnce() {
        GeneratedKeys generated = call(() -> keys.generate(owner, application, Environment.PRODUCTION));
        clientCredentials(generated);

        NewSecret added = call(() -> keys.addSecret(owner, application, Environment.PRODUCTION,
                new SecretRequest("next", null)));
        IssuedToken token = call(() -> grants.clientCredentials(new ClientCredentials(generated.keys().clientId(),
                added.value(), "127.0.0.1"), Set.of()));

        assertEquals(added.secret().id(), claims(token).secretId(), "no feed entry needed: a miss asks the database");
    }
}
