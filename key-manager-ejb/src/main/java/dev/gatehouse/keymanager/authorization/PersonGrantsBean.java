package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.AccountView;
import dev.gatehouse.keymanager.authorization.api.InvalidGrant;
import dev.gatehouse.keymanager.authorization.api.OpenIdScopes;
import dev.gatehouse.keymanager.authorization.api.PersonGrants;
import dev.gatehouse.keymanager.clients.api.AuthenticatedClient;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import dev.gatehouse.keymanager.clients.api.ClientCredentials;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.InvalidClient;
import dev.gatehouse.keymanager.clients.api.InvalidScope;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.UnauthorizedClient;
import dev.gatehouse.keymanager.secrets.SecretValues;
import dev.gatehouse.keymanager.tokens.api.IdTokenRequest;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.keymanager.tokens.api.TokenRequest;
import dev.gatehouse.keymanager.tokens.api.TokenService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The authorization_code and refresh_token grants. A code or refresh token is used up with a conditional update, so
 * that of two nodes redeeming the same one at once exactly one succeeds; the other is treated as a replay.
 */
@Stateless
public class PersonGrantsBean implements PersonGrants {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ClientAuthentication clients;

    @EJB
    TokenService tokens;

    @EJB
    AccountService accounts;

    @EJB
    GrantReplay replay;

    Clock clock = Clock.systemUTC();

    /** The client as the grant needs it; secretId is null for a public client. */
    private record Requester(String clientId, UUID applicationId, Environment environment, UUID secretId,
            OAuthConfiguration configuration, boolean applicationActive, Set<String> allowedScopes) {

        void mayUse(String grantType) {
            if (!configuration.grantTypes().contains(grantType)) {
                throw new UnauthorizedClient("The " + grantType + " grant is not enabled for this client.");
            }
            if (!applicationActive) {
                throw new UnauthorizedClient("The application is blocked.");
            }
        }
    }

    @Override
    public IssuedToken authorizationCode(ClientCredentials presented, String code, String redirectUri,
            String codeVerifier) {
        Requester client = requester(presented);
        client.mayUse(OAuthConfiguration.AUTHORIZATION_CODE);
        Instant now = clock.instant();
        Authorization authorization = code == null ? null
                : em.createNamedQuery("Authorization.byCode", Authorization.class)
                        .setParameter("hash", SecretValues.hash(code)).getResultStream().findFirst().orElse(null);
        if (authorization == null || !authorization.clientId().equals(client.clientId())) {
            throw new InvalidGrant("The code is unknown, expired or was issued to another client.");
        }
        if (authorization.isRedeemed()) {
            replay.codeUsedAgain(authorization.id());
            throw new InvalidGrant("The code was already used; the tokens issued with it are revoked.");
        }
        if (!authorization.codeIsLive(now)) {
            throw new InvalidGrant("The code is unknown, expired or was issued to another client.");
        }
        if (redirectUri != null && !redirectUri.equals(authorization.redirectUri())) {
            throw new InvalidGrant("redirect_uri differs from the one the code was issued for.");
        }
        Pkce.checkVerifier(authorization.codeChallenge(), codeVerifier);
        if (em.createNamedQuery("Authorization.redeem").setParameter("now", now)
                .setParameter("id", authorization.id()).executeUpdate() != 1) {
            replay.codeUsedAgain(authorization.id());
            throw new InvalidGrant("The code was already used; the tokens issued with it are revoked.");
        }
        AccountView person = activePerson(authorization.accountId());
        List<String> scopes = stillAllowed(authorization.scopes(), client);
        IssuedToken token = accessToken(client, person.id(), scopes);
        if (client.configuration().grantTypes().contains(OAuthConfiguration.REFRESH_TOKEN)) {
            token = token.withRefreshToken(refreshToken(client, person.id(), scopes, authorization.id(), token, now));
            authorization.keepUntil(now.plusSeconds(client.configuration().refreshTokenLifetimeSeconds()));
        }
        if (scopes.contains(OpenIdScopes.OPENID)) {
            token = token.withIdToken(idToken(client, person, scopes, authorization.nonce(), authorization.authTime()));
        }
        authorization.issued(token.jti(), token.expiresAt());
        return token;
    }

    @Override
    public IssuedToken refreshToken(ClientCredentials presented, String value, Set<String> requestedScopes) {
        Requester client = requester(presented);
        client.mayUse(OAuthConfiguration.REFRESH_TOKEN);
        Instant now = clock.instant();
        RefreshToken used = value == null ? null : em.find(RefreshToken.class, SecretValues.hash(value));
        if (used == null || !used.clientId().equals(client.clientId())) {
            throw new InvalidGrant("The refresh token is unknown, expired or was issued to another client.");
        }
        if (used.isRevoked()) {
            throw new InvalidGrant("The refresh token has been revoked.");
        }
        if (used.isExpired(now)) {
            throw new InvalidGrant("The refresh token is unknown, expired or was issued to another client.");
        }
        Set<String> granted = new TreeSet<>(used.scopes());
        if (requestedScopes != null && !requestedScopes.isEmpty()) {
            Set<String> wider = new TreeSet<>(requestedScopes);
            wider.removeAll(granted);
            if (!wider.isEmpty()) {
                throw new InvalidScope(wider);
            }
            granted = new TreeSet<>(requestedScopes);
        }
        if (em.createNamedQuery("RefreshToken.use").setParameter("now", now)
                .setParameter("hash", SecretValues.hash(value)).executeUpdate() != 1) {
            // used before: whoever holds it now may have stolen it (RFC 9700 §4.14.2)
            replay.refreshTokenUsedAgain(used.familyId());
            throw new InvalidGrant("The refresh token was already used; its family of tokens is revoked.");
        }
        AccountView person = activePerson(used.accountId());
        List<String> scopes = stillAllowed(granted, client);
        IssuedToken token = accessToken(client, person.id(), scopes);
        token = token.withRefreshToken(refreshToken(client, person.id(), scopes, used.familyId(), token, now));
        // OpenID Connect Core §12.2: a new ID token for the same sign-in (its auth_time), without a nonce
        Authorization signIn = em.find(Authorization.class, used.familyId());
        if (signIn != null) {
            signIn.keepUntil(now.plusSeconds(client.configuration().refreshTokenLifetimeSeconds()));
            if (scopes.contains(OpenIdScopes.OPENID)) {
                token = token.withIdToken(idToken(client, person, scopes, null, signIn.authTime()));
            }
        }
        return token;
    }

    private String idToken(Requester client, AccountView person, List<String> scopes, String nonce, Instant authTime) {
        return tokens.idToken(new IdTokenRequest(person.id().toString(), client.clientId(), nonce, authTime,
                Duration.ofSeconds(client.configuration().accessTokenLifetimeSeconds()),
                scopes.contains(OpenIdScopes.PROFILE) ? person.username() : null,
                scopes.contains(OpenIdScopes.PROFILE) ? person.displayName() : null,
                scopes.contains(OpenIdScopes.EMAIL) ? person.email() : null));
    }

    @Override
    public void revokeRefreshToken(String clientId, String value) {
        RefreshToken token = em.find(RefreshToken.class, SecretValues.hash(value));
        if (token != null && token.clientId().equals(clientId)) {
            replay.revokeFamily(token.familyId());
        }
    }

    private Requester requester(ClientCredentials presented) {
        if (presented.secret() == null) {
            return clients.registered(presented.clientId())
                    .filter(registered -> registered.configuration().publicClient())
                    .map(registered -> new Requester(registered.clientId(), registered.applicationId(),
                            registered.environment(), null, registered.configuration(),
                            registered.applicationActive(), registered.allowedScopes()))
                    .orElseThrow(InvalidClient::new);
        }
        AuthenticatedClient client = clients.authenticate(presented.clientId(), presented.secret(),
                presented.sourceAddress());
        return new Requester(client.clientId(), client.applicationId(), client.environment(), client.secretId(),
                client.configuration(), client.applicationActive(), client.allowedScopes());
    }

    private AccountView activePerson(UUID accountId) {
        return accounts.active(accountId).orElseThrow(
                () -> new InvalidGrant("The account that authorized this is no longer active."));
    }

    /** The identity scopes, and the API scopes the subscriptions still allow: one may have ended since. */
    private static List<String> stillAllowed(Collection<String> scopes, Requester client) {
        return scopes.stream().filter(scope -> OpenIdScopes.isIdentity(scope) || client.allowedScopes().contains(scope))
                .sorted().toList();
    }

    private IssuedToken accessToken(Requester client, UUID person, List<String> scopes) {
        return tokens.issue(new TokenRequest(client.clientId(), client.applicationId(), client.environment(),
                client.secretId(), Set.copyOf(scopes),
                Duration.ofSeconds(client.configuration().accessTokenLifetimeSeconds()), person.toString()));
    }

    private String refreshToken(Requester client, UUID person, List<String> scopes, UUID family, IssuedToken beside,
            Instant now) {
        String value = SecretValues.newSecret();
        em.persist(new RefreshToken(SecretValues.hash(value), family, client.clientId(), client.applicationId(),
                person, scopes, beside.jti(), beside.expiresAt(), now,
                now.plusSeconds(client.configuration().refreshTokenLifetimeSeconds())));
        return value;
    }
}
