package dev.gatehouse.keymanager.accounts;

import dev.gatehouse.keymanager.accounts.api.DuplicateAccount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes sure an administrator exists: on the first start, with the password from {@code gatehouse.admin.password},
 * or with a generated one written once to the log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdministratorBootstrap {

    private static final System.Logger LOG = System.getLogger(AdministratorBootstrap.class.getName());

    @EJB
    AdministratorCreation creation;

    @PostConstruct
    void ensureAdministrator() {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        String username = config.getOptionalValue("gatehouse.admin.username", String.class).orElse("admin");
        var configured = config.getOptionalValue("gatehouse.admin.password", String.class);
        String password = configured.orElseGet(AdministratorBootstrap::generatedPassword);
        try {
            if (creation.createIfNone(username, password, configured.isEmpty()) && configured.isEmpty()) {
                // shown once, as the operator has no other way to learn it; it must be changed at the first sign-in
                LOG.log(Level.WARNING, "GH-ACC-001 Created administrator \"{0}\" with the generated password {1}"
                        + " (set GATEHOUSE_ADMIN_PASSWORD to choose it); it must be changed at the first sign-in",
                        username, password);
            }
        } catch (DuplicateAccount e) {
            // another instance created it at the same moment
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
