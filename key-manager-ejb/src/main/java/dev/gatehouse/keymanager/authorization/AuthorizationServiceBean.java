package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.applications.api.ApplicationCard;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.authorization.api.AuthorizationRefused;
import dev.gatehouse.keymanager.authorization.api.AuthorizationRequest;
import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import dev.gatehouse.keymanager.authorization.api.AuthorizedApplication;
import dev.gatehouse.keymanager.authorization.api.ConsentPrompt;
import dev.gatehouse.keymanager.authorization.api.OpenIdScopes;
import dev.gatehouse.keymanager.clients.api.ClientAuthentication;
import dev.gatehouse.keymanager.clients.api.InvalidScope;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.RegisteredClient;
import dev.gatehouse.keymanager.clients.api.ScopeGrant;
import dev.gatehouse.keymanager.revocations.api.RevocationService;
import dev.gatehouse.keymanager.secrets.SecretValues;
import dev.gatehouse.keymanager.tokens.TokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The authorization endpoint's rules (RFC 6749 §4.1, RFC 7636, RFC 9207, RFC 9700 §2.1): exact redirect URI
 * matching, no redirect to an unchecked URI, PKCE with S256 only, and codes that live 60 s and are used once.
 * A request is checked where it arrives and again on the consent page and at the decision; nothing is written
 * before a signed-in person decides, so an anonymous request costs no write.
 */
@Stateless
public class AuthorizationServiceBean implements AuthorizationService {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final int MAX_STATE_LENGTH = 1024;
    static final int MAX_NONCE_LENGTH = 512;
    private static final System.Logger LOG = System.getLogger(AuthorizationServiceBean.class.getName());

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ClientAuthentication clients;

    @EJB
    ApplicationService applications;

    @EJB
    AuditLog audit;

    @EJB
    GrantReplay replay;

    @EJB
    RevocationService revocations;

    String issuer;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void configure() {
        issuer = TokenSettings.from(ConfigProvider.getConfig(AuthorizationServiceBean.class.getClassLoader())).issuer();
    }

    /** OpenID Connect Core §3.1.2.1's prompt values; select_account is a sign-in, where another account may be used. */
    static final Set<String> PROMPTS = Set.of(AuthorizationRequest.PROMPT_NONE, AuthorizationRequest.PROMPT_LOGIN,
            AuthorizationRequest.PROMPT_CONSENT, AuthorizationRequest.PROMPT_SELECT_ACCOUNT);

    /** A request that passed every check: its client, the redirect URI in force and the scopes it grants. */
    private record Checked(RegisteredClient client, String redirectUri, List<String> scopes, AuthorizationRedirect back) {
    }

    @Override
    public void check(AuthorizationRequest request) {
        checked(request);
    }

    private Checked checked(AuthorizationRequest request) {
        RegisteredClient client = clients.registered(request.clientId()).orElseThrow(() -> new AuthorizationRefused(
                "invalid_request", "No application has the client id " + shorten(request.clientId()) + ".", null));
        String redirectUri = redirectUri(client.configuration(), request.redirectUri());
        AuthorizationRedirect back = new AuthorizationRedirect(redirectUri, request.state(), issuer);
        if (request.state() != null && request.state().length() > MAX_STATE_LENGTH) {
            throw back.refused("invalid_request", "state is longer than " + MAX_STATE_LENGTH + " characters.");
        }
        if (request.nonce() != null && request.nonce().length() > MAX_NONCE_LENGTH) {
            throw back.refused("invalid_request", "nonce is longer than " + MAX_NONCE_LENGTH + " characters.");
        }
        if (!"code".equals(request.responseType())) {
            throw back.refused("unsupported_response_type", "Only response_type=code is supported.");
        }
        if (!client.configuration().grantTypes().contains(OAuthConfiguration.AUTHORIZATION_CODE)) {
            throw back.refused("unauthorized_client", "The authorization_code grant is not enabled for this client.");
        }
        if (!client.applicationActive()) {
            throw back.refused("unauthorized_client", "The application is blocked.");
        }
        Set<String> prompts = request.prompts();
        if (!PROMPTS.containsAll(prompts)) {
            throw back.refused("invalid_request", "prompt is none, login, consent or select_account.");
        }
        if (prompts.contains(AuthorizationRequest.PROMPT_NONE) && prompts.size() > 1) {
            throw back.refused("invalid_request", "prompt=none goes with no other value.");
        }
        if (request.maxAge() != null && !request.maxAge().strip().matches("[0-9]{1,9}")) {
            throw back.refused("invalid_request", "max_age is a number of seconds.");
        }
        Pkce.checkChallenge(request.codeChallenge(), request.codeChallengeMethod(),
                client.configuration().pkceRequired() || client.configuration().publicClient(), back);
        List<String> scopes;
        try {
            scopes = granted(ScopeGrant.parse(request.scope()), client.allowedScopes());
        } catch (InvalidScope e) {
            throw back.refused("invalid_scope", e.getMessage());
        }
        return new Checked(client, redirectUri, scopes, back);
    }

    /** The identity scopes asked for, and the API scopes as the client-credentials grant grants them. */
    private static List<String> granted(Set<String> asked, Set<String> allowed) {
        Set<String> identity = new TreeSet<>(asked);
        identity.removeIf(scope -> !OpenIdScopes.isIdentity(scope));
        if (!identity.isEmpty() && !identity.contains(OpenIdScopes.OPENID)) {
            throw new InvalidScope(identity); // profile and email mean something only with openid
        }
        Set<String> api = new TreeSet<>(asked);
        api.removeAll(identity);
        Set<String> scopes = new TreeSet<>(identity);
        scopes.addAll(ScopeGrant.grant(api, allowed));
        return new ArrayList<>(scopes);
    }

    /**
     * RFC 6749 §3.1.2.3: a registered callback, matched exactly. The application's own callback URL and, where its
     * developer allowed it, the portal's try-it redirect page; redirect_uri may be left out only where there is one.
     */
    private String redirectUri(OAuthConfiguration configuration, String asked) {
        List<String> registered = new ArrayList<>(2);
        if (configuration.callbackUrl() != null && !configuration.callbackUrl().isBlank()) {
            registered.add(configuration.callbackUrl().strip());
        }
        if (configuration.tryItConsole()) {
            registered.add(tryItRedirectUri());
        }
        if (registered.isEmpty()) {
            throw new AuthorizationRefused("invalid_request", "The application has no callback URL; its developer"
                    + " sets one in the application's Advanced Configuration.", null);
        }
        if (asked == null) {
            if (registered.size() > 1) {
                throw new AuthorizationRefused("invalid_request", "redirect_uri is required: the application has more"
                        + " than one callback URL.", null);
            }
            return registered.get(0);
        }
        if (!registered.contains(asked)) {
            throw new AuthorizationRefused("invalid_request", "redirect_uri is not one of the application's callback"
                    + " URLs.", null);
        }
        return asked;
    }

    @Override
    public String tryItRedirectUri() {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + OAuthConfiguration.TRY_IT_REDIRECT_PATH;
    }

    @Override
    public URI withoutInteraction(AuthorizationRequest request, String error) {
        String description = switch (error) {
            case "login_required" -> "The person is not signed in, or must sign in again, and prompt=none.";
            case "consent_required" -> "The person has not allowed this request, and prompt=none.";
            default -> throw new IllegalArgumentException(error);
        };
        return checked(request).back().error(error, description);
    }

    @Override
    public ConsentPrompt prompt(Caller person, AuthorizationRequest request) {
        Checked checked = checked(request);
        ApplicationCard card = applications.card(checked.client().applicationId()).orElseThrow(() ->
                new AuthorizationRefused("invalid_request", "The application no longer exists.", null));
        Consent consent = em.find(Consent.class, new Consent.Key(person.accountId(), card.id()));
        URI returnsTo = URI.create(checked.redirectUri());
        return new ConsentPrompt(card.name(), card.developer(), checked.scopes(),
                returnsTo.getScheme() + "://" + returnsTo.getRawAuthority(),
                card.firstParty() || consent != null && consent.covers(checked.scopes()));
    }

    @Override
    public URI decide(Caller person, Instant signedInAt, AuthorizationRequest request, boolean allow) {
        // checked again: the client may have changed since the page was shown
        Checked checked = checked(request);
        UUID application = checked.client().applicationId();
        String clientId = checked.client().clientId();
        if (!allow) {
            audit.success(person.username(), "authorization.deny", "application", application, clientId);
            return checked.back().error("access_denied", "The person denied the request.");
        }
        Instant now = clock.instant();
        String code = SecretValues.newSecret();
        em.persist(new Authorization(clientId, application, checked.redirectUri(), checked.scopes(), request.nonce(),
                request.codeChallenge(), person.accountId(), signedInAt, SecretValues.hash(code), now,
                now.plus(CODE_LIFETIME)));
        Consent consent = em.find(Consent.class, new Consent.Key(person.accountId(), application));
        if (consent == null) {
            em.persist(new Consent(person.accountId(), application, checked.scopes(), now));
        } else {
            consent.allow(checked.scopes(), now);
        }
        audit.success(person.username(), "authorization.allow", "application", application,
                clientId + " " + String.join(" ", checked.scopes()));
        return checked.back().code(code);
    }

    @Override
    public List<AuthorizedApplication> authorized(Caller person) {
        return em.createNamedQuery("Consent.ofAccount", Consent.class).setParameter("account", person.accountId())
                .getResultStream()
                .flatMap(consent -> applications.card(consent.applicationId()).stream()
                        .map(card -> new AuthorizedApplication(card.id(), card.name(), card.developer(),
                                consent.scopeList(), consent.grantedAt())))
                .toList();
    }

    @Override
    public void withdraw(Caller person, UUID applicationId) {
        Consent consent = em.find(Consent.class, new Consent.Key(person.accountId(), applicationId));
        if (consent == null) {
            return;
        }
        em.remove(consent);
        for (UUID family : em.createNamedQuery("RefreshToken.families", UUID.class)
                .setParameter("account", person.accountId()).setParameter("application", applicationId)
                .getResultList()) {
            replay.revokeFamily(family);
        }
        for (Authorization issued : em.createNamedQuery("Authorization.issuedFor", Authorization.class)
                .setParameter("account", person.accountId()).setParameter("application", applicationId)
                .setParameter("now", clock.instant()).getResultList()) {
            revocations.revokeToken(issued.accessJti(), issued.clientId(), issued.accessExpiresAt());
        }
        audit.success(person.username(), "authorization.withdraw", "application", applicationId, null);
    }

    /**
     * Codes, and what they issued once that has expired, and refresh tokens past their
     * lifetime whose access tokens have expired too: nothing is left that a replay could still revoke.
     */
    int purgeExpired() {
        Instant now = clock.instant();
        return em.createNamedQuery("Authorization.expired").setParameter("before", now).executeUpdate()
                + em.createNamedQuery("RefreshToken.expired").setParameter("before", now).executeUpdate();
    }

    @Schedule(hour = "*", minute = "29", persistent = false)
    void purgeHourly() {
        int purged = purgeExpired();
        if (purged > 0) {
            LOG.log(Level.INFO, "GH-AUT-001 Purged {0} expired authorization(s) and refresh token(s)", purged);
        }
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
