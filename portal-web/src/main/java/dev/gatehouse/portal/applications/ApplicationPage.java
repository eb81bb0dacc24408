package dev.gatehouse.portal.applications;

import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.applications.api.ApplicationService;
import dev.gatehouse.keymanager.applications.api.ApplicationView;
import dev.gatehouse.keymanager.authorization.api.AuthorizationService;
import dev.gatehouse.keymanager.clients.api.ApplicationKeys;
import dev.gatehouse.keymanager.clients.api.Environment;
import dev.gatehouse.keymanager.clients.api.GeneratedKeys;
import dev.gatehouse.keymanager.clients.api.KeySetView;
import dev.gatehouse.keymanager.clients.api.NewSecret;
import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import dev.gatehouse.keymanager.clients.api.SecretRequest;
import dev.gatehouse.keymanager.clients.api.SecretView;
import dev.gatehouse.keymanager.tokens.api.IssuedToken;
import dev.gatehouse.portal.Outcome;
import dev.gatehouse.portal.account.SignedInDeveloper;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * applications/view.xhtml: one of my applications with its OAuth2 section per environment: Generate Key,
 * Advanced Configuration, secrets and Token: Generate. Another developer's application is "not found".
 */
@Named
@ViewScoped
public class ApplicationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ApplicationService applications;

    @EJB
    transient ApplicationKeys keys;

    @EJB
    transient AuthorizationService authorizations;

    @Inject
    SignedInDeveloper developer;

    @Inject
    RevealedSecret revealed;

    private String id;
    private ApplicationView application;
    private final Map<Environment, OAuthSection> sections = new EnumMap<>(Environment.class);

    /** What the page shows and edits for one environment's keys. */
    public static class OAuthSection implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Environment environment;
        private KeySetView keys;
        private List<String> grantTypes = new ArrayList<>();
        private int accessTokenLifetimeSeconds;
        private int refreshTokenLifetimeSeconds;
        private String callbackUrl;
        private boolean pkceRequired;
        private boolean publicClient;
        private boolean tryItConsole;
        private String newSecretName;
        private IssuedToken token;
        private String tokenScopes;
        private Integer tokenValiditySeconds;

        OAuthSection(Environment environment) {
            this.environment = environment;
        }

        void show(KeySetView keys) {
            this.keys = keys;
            if (keys != null) {
                OAuthConfiguration configuration = keys.configuration();
                grantTypes = new ArrayList<>(configuration.grantTypes());
                accessTokenLifetimeSeconds = configuration.accessTokenLifetimeSeconds();
                refreshTokenLifetimeSeconds = configuration.refreshTokenLifetimeSeconds();
                callbackUrl = configuration.callbackUrl();
                pkceRequired = configuration.pkceRequired();
                publicClient = configuration.publicClient();
                tryItConsole = configuration.tryItConsole();
            }
        }

        OAuthConfiguration configuration() {
            return new OAuthConfiguration(new HashSet<>(grantTypes), accessTokenLifetimeSeconds,
                    refreshTokenLifetimeSeconds, callbackUrl, pkceRequired, publicClient, tryItConsole);
        }

        public Environment getEnvironment() { return environment; }
        public String getLabel() { return environment == Environment.PRODUCTION ? "Production" : "Sandbox"; }
        public KeySetView getKeys() { return keys; }
        public boolean isGenerated() { return keys != null; }
        public List<String> getGrantTypes() { return grantTypes; }
        public void setGrantTypes(List<String> grantTypes) { this.grantTypes = grantTypes; }
        public int getAccessTokenLifetimeSeconds() { return accessTokenLifetimeSeconds; }
        public void setAccessTokenLifetimeSeconds(int value) { this.accessTokenLifetimeSeconds = value; }
        public int getRefreshTokenLifetimeSeconds() { return refreshTokenLifetimeSeconds; }
        public void setRefreshTokenLifetimeSeconds(int value) { this.refreshTokenLifetimeSeconds = value; }
        public String getCallbackUrl() { return callbackUrl; }
        public void setCallbackUrl(String callbackUrl) { this.callbackUrl = callbackUrl; }
        public boolean isPkceRequired() { return pkceRequired; }
        public void setPkceRequired(boolean pkceRequired) { this.pkceRequired = pkceRequired; }
        public boolean isPublicClient() { return publicClient; }
        public void setPublicClient(boolean publicClient) { this.publicClient = publicClient; }
        public boolean isTryItConsole() { return tryItConsole; }
        public void setTryItConsole(boolean tryItConsole) { this.tryItConsole = tryItConsole; }
        public String getNewSecretName() { return newSecretName; }
        public void setNewSecretName(String newSecretName) { this.newSecretName = newSecretName; }
        public IssuedToken getToken() { return token; }
        public String getTokenScopes() { return tokenScopes; }
        public void setTokenScopes(String tokenScopes) { this.tokenScopes = tokenScopes; }
        public Integer getTokenValiditySeconds() { return tokenValiditySeconds; }
        public void setTokenValiditySeconds(Integer value) { this.tokenValiditySeconds = value; }
    }

    public void load() throws IOException {
        UUID applicationId;
        try {
            applicationId = UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            notFound();
            return;
        }
        try {
            application = applications.get(developer.required(), applicationId);
        } catch (BusinessException e) {
            notFound();
            return;
        }
        for (Environment environment : Environment.values()) {
            OAuthSection section = new OAuthSection(environment);
            section.show(keys.find(developer.required(), applicationId, environment).orElse(null));
            sections.put(environment, section);
        }
    }

    private void notFound() throws IOException {
        FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such application");
        FacesContext.getCurrentInstance().responseComplete();
    }

    public void generateKeys(OAuthSection section) {
        attempt(() -> {
            GeneratedKeys generated = keys.generate(developer.required(), application.id(), section.environment);
            section.show(generated.keys());
            reveal(section, generated.secret(), "Consumer Secret");
            return "Keys generated";
        });
    }

    public void saveConfiguration(OAuthSection section) {
        attempt(() -> {
            section.show(keys.configure(developer.required(), application.id(), section.environment, section.configuration()));
            return "Advanced configuration saved";
        });
    }

    public void addSecret(OAuthSection section) {
        attempt(() -> {
            String name = section.newSecretName == null || section.newSecretName.isBlank() ? "secret" : section.newSecretName;
            NewSecret secret = keys.addSecret(developer.required(), application.id(), section.environment,
                    new SecretRequest(name, null));
            reveal(section, secret, "New secret \"" + secret.secret().name() + "\"");
            section.newSecretName = null;
            refresh(section);
            return "Secret added";
        });
    }

    public void revokeSecret(OAuthSection section, UUID secretId) {
        attempt(() -> {
            keys.revokeSecret(developer.required(), application.id(), section.environment, secretId);
            refresh(section);
            boolean noneLeft = section.keys.secrets().stream().noneMatch(SecretView::active);
            return "Secret revoked; the tokens issued with it no longer work"
                    + (noneLeft ? ". Add a secret to get tokens again." : "");
        });
    }

    public void generateToken(OAuthSection section) {
        attempt(() -> {
            Set<String> scopes = section.tokenScopes == null || section.tokenScopes.isBlank() ? Set.of()
                    : Set.of(section.tokenScopes.strip().split("\\s+"));
            // a refusal must not leave an earlier token on show as if it were the answer
            section.token = null;
            section.token = keys.testToken(developer.required(), application.id(), section.environment, scopes,
                    section.tokenValiditySeconds);
            return "Access token generated";
        });
    }

    public String delete() {
        try {
            applications.delete(developer.required(), application.id());
        } catch (BusinessException refused) {
            message(FacesMessage.SEVERITY_ERROR, refused.getMessage());
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        message(FacesMessage.SEVERITY_INFO, "Application \"" + application.name() + "\" deleted");
        return "/applications/index.xhtml?faces-redirect=true";
    }

    /** The secret generated by this very request, for its dialog; null in any other request. */
    public String shownSecret(OAuthSection section) {
        return revealed.value(section.environment);
    }

    public String shownSecretTitle(OAuthSection section) {
        return revealed.title(section.environment);
    }

    private void reveal(OAuthSection section, NewSecret secret, String title) {
        revealed.reveal(section.environment, title, secret.value());
    }

    private void refresh(OAuthSection section) {
        section.show(keys.find(developer.required(), application.id(), section.environment).orElse(null));
    }

    private void attempt(Supplier<String> action) {
        Outcome.report(action);
    }

    private static void message(FacesMessage.Severity severity, String text) {
        Outcome.message(severity, text);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ApplicationView getApplication() {
        return application;
    }

    public List<OAuthSection> getSections() {
        return List.copyOf(sections.values());
    }

    /** The try-it console's callback, as the authorization endpoint matches it. */
    public String getTryItRedirectUri() {
        return authorizations.tryItRedirectUri();
    }

    public List<String> getSupportedGrantTypes() {
        return List.of(OAuthConfiguration.CLIENT_CREDENTIALS, OAuthConfiguration.AUTHORIZATION_CODE,
                OAuthConfiguration.REFRESH_TOKEN);
    }
}
