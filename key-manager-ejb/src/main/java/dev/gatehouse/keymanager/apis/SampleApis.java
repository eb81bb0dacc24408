package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.api.BusinessException;
import dev.gatehouse.keymanager.apis.api.ApiImport;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Demo data (on by default, {@code gatehouse.demo-data=false} turns it off): on a catalog without APIs, two
 * sample APIs with mock endpoints are published, so the whole flow works right after the first start.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "AdministratorBootstrap"})
@TransactionManagement(TransactionManagementType.BEAN) // each sample is imported in its own transaction
public class SampleApis {

    private static final System.Logger LOG = System.getLogger(SampleApis.class.getName());
    private static final Map<String, String> SAMPLES = Map.of("pizzashack", "samples/pizzashack.yaml",
            "weather", "samples/weather.yaml");

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    ApiService apis;

    @EJB
    PlanService plans;

    @PostConstruct
    void publishSamples() {
        boolean enabled = ConfigProvider.getConfig(getClass().getClassLoader())
                .getOptionalValue("gatehouse.demo-data", Boolean.class).orElse(true);
        if (!enabled || em.createNamedQuery("Api.count", Long.class).getSingleResult() > 0) {
            return;
        }
        // published in the name of the first administrator
        // JPQL, not SQL: a native query's UUID column is a UUID on EclipseLink but a byte[] on Hibernate (WildFly)
        UUID administrator = em.createQuery("SELECT a.id FROM Account a JOIN a.roles r WHERE r = :role"
                + " ORDER BY a.createdAt", UUID.class).setParameter("role", Role.ADMIN)
                .setMaxResults(1).getSingleResult();
        Caller publisher = new Caller(administrator, "gatehouse-samples", Set.of(Role.ADMIN));
        Set<UUID> allPlans = plans.list().stream().map(PlanView::id).collect(Collectors.toSet());
        SAMPLES.forEach((context, resource) -> {
            try {
                ApiView api = apis.importApi(publisher, new ApiImport(read(resource), context, null, "MOCK", null, null,
                        false, allPlans));
                apis.changeLifecycle(publisher, api.id(), Lifecycle.PUBLISHED);
                LOG.log(Level.INFO, "GH-API-001 Published the sample API {0} at /api/{1}/{2}", api.name(), context, api.version());
            } catch (BusinessException e) {
                // another instance published it at the same moment
                LOG.log(Level.DEBUG, "Sample API {0} not published: {1}", context, e.getMessage());
            }
        });
    }

    private static String read(String resource) {
        try (InputStream in = SampleApis.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
