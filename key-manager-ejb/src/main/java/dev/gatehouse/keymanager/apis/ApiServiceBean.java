package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.apis.api.ApiImport;
import dev.gatehouse.keymanager.apis.api.ApiNotFound;
import dev.gatehouse.keymanager.apis.api.ApiPage;
import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.MockResponse;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiUpdate;
import dev.gatehouse.keymanager.apis.api.BackendAddresses;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.DuplicateApiContext;
import dev.gatehouse.keymanager.apis.api.InvalidApi;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.NotPublisher;
import dev.gatehouse.keymanager.audit.AuditLog;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import dev.gatehouse.keymanager.audit.api.AuditTrail;
import dev.gatehouse.keymanager.changes.ChangeFeed;
import dev.gatehouse.keymanager.changes.api.ChangedEntity;
import dev.gatehouse.keymanager.plans.api.PlanService;
import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.gatehouse.keymanager.database.UniqueViolation;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

@Stateless
public class ApiServiceBean implements ApiService {

    private static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @EJB
    PlanService plans;

    @EJB
    ChangeFeed changes;

    @EJB
    AuditLog audit;

    @EJB
    AuditTrail trail;

    /** The backends an API may name; the gateway checks the same list again when it connects. */
    BackendAddresses backends;

    @PostConstruct
    void configure() {
        backends = BackendAddresses.allowing(ConfigProvider.getConfig(getClass().getClassLoader())
                .getOptionalValue(BackendAddresses.CONFIG_KEY, String.class).orElse(""));
    }

    @Override
    public ApiView importApi(Caller publisher, ApiImport request) {
        requirePublisher(publisher);
        OpenApiDocuments.Parsed parsed = OpenApiDocuments.parse(request.document());
        String version = request.version() == null || request.version().isBlank() ? parsed.version() : request.version().strip();
        String endpointType = endpointType(request.endpointType(), request.productionUrl(), request.sandboxUrl());
        request.planIds().forEach(plans::get);
        if (!em.createNamedQuery("Api.byContext", Api.class).setParameter("context", request.context())
                .setParameter("version", version).getResultList().isEmpty()) {
            throw new DuplicateApiContext(request.context(), version);
        }
        Api api = new Api(parsed, request.document(), request.context(), version, endpointType,
                blankToNull(request.productionUrl()), blankToNull(request.sandboxUrl()), request.forwardToken(),
                publisher.accountId());
        try {
            em.persist(api);
            em.flush(); // a concurrent import of the same context and version fails here, as a conflict
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            throw new DuplicateApiContext(request.context(), version);
        }
        parsed.operations().forEach(operation -> em.persist(new ApiOperation(api.id(), operation)));
        request.planIds().forEach(planId -> em.persist(new ApiPlan(api.id(), planId)));
        em.flush();
        // gateways may have cached that nothing was at this context and version
        changes.record(ChangedEntity.API, api.id(), "CREATED");
        audit.success(publisher.username(), "api.import", "api", api.id(), request.context() + " " + version);
        return view(api);
    }

    @Override
    public ApiView update(Caller publisher, UUID apiId, ApiUpdate update) {
        Api api = managedApi(publisher, apiId);
        String endpointType = endpointType(update.endpointType(), update.productionUrl(), update.sandboxUrl());
        update.planIds().forEach(plans::get);
        if (update.document() != null && !update.document().isBlank()) {
            OpenApiDocuments.Parsed parsed = OpenApiDocuments.parse(update.document());
            api.redefine(parsed, update.document());
            em.createNamedQuery("ApiOperation.deleteOfApi").setParameter("api", apiId).executeUpdate();
            parsed.operations().forEach(operation -> em.persist(new ApiOperation(apiId, operation)));
        }
        api.endpoints(endpointType, blankToNull(update.productionUrl()), blankToNull(update.sandboxUrl()),
                update.forwardToken());
        em.createNamedQuery("ApiPlan.deleteOfApi").setParameter("api", apiId).executeUpdate();
        update.planIds().forEach(planId -> em.persist(new ApiPlan(apiId, planId)));
        em.flush();
        changes.record(ChangedEntity.API, apiId, "UPDATED");
        audit.success(publisher.username(), "api.update", "api", apiId, null);
        return view(api);
    }

    /**
     * MOCK unless HTTP is asked for, which needs the base URL of one environment at least; the gateway refuses a
     * token of an environment without one ({@code environment_unavailable}).
     */
    private String endpointType(String requested, String productionUrl, String sandboxUrl) {
        String endpointType = requested == null ? "MOCK" : requested;
        if (endpointType.equals("HTTP")) {
            if (blankToNull(productionUrl) == null && blankToNull(sandboxUrl) == null) {
                throw new InvalidApi("invalid_endpoint", "An HTTP endpoint needs productionUrl, sandboxUrl or both.");
            }
            if (blankToNull(productionUrl) != null) {
                checkUrl("productionUrl", productionUrl);
            }
            if (blankToNull(sandboxUrl) != null) {
                checkUrl("sandboxUrl", sandboxUrl);
            }
        }
        return endpointType;
    }

    @Override
    public ApiView changeLifecycle(Caller publisher, UUID apiId, Lifecycle target) {
        Api api = managedApi(publisher, apiId);
        if (!api.lifecycle().next().contains(target)) {
            throw new InvalidApi("illegal_lifecycle_transition", "An API that is " + api.lifecycle()
                    + " cannot become " + target + "; it can become " + api.lifecycle().next() + ".");
        }
        api.moveTo(target);
        changes.record(ChangedEntity.API, apiId, target.name());
        audit.success(publisher.username(), "api.lifecycle", "api", apiId, target.name());
        return view(api);
    }

    @Override
    public ApiPage catalog(String search, int page, int size) {
        int pageSize = Math.max(1, Math.min(size <= 0 ? 20 : size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + text + "%";
        var visible = EnumSet.of(Lifecycle.PUBLISHED, Lifecycle.DEPRECATED);
        List<ApiView> items = em.createNamedQuery("Api.catalog", Api.class)
                .setParameter("visible", visible).setParameter("search", text).setParameter("pattern", pattern)
                .setFirstResult(pageNumber * pageSize).setMaxResults(pageSize)
                .getResultList().stream().map(api -> view(api).withoutBackend()).toList();
        long total = em.createNamedQuery("Api.catalogCount", Long.class)
                .setParameter("visible", visible).setParameter("search", text).setParameter("pattern", pattern)
                .getSingleResult();
        return new ApiPage(items, pageNumber, pageSize, total);
    }

    @Override
    public ApiView get(Caller caller, UUID apiId) {
        Api api = visible(caller, apiId);
        // the backend's addresses are its publisher's business: the catalog names only the gateway's
        return caller != null && api.isManagedBy(caller) ? view(api) : view(api).withoutBackend();
    }

    @Override
    public String openApiDocument(Caller caller, UUID apiId) {
        return visible(caller, apiId).document();
    }

    @Override
    public String openApiDocumentForGateway(Caller caller, UUID apiId, String baseUrl) {
        Api api = visible(caller, apiId);
        String root = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return OpenApiDocuments.forTryIt(api.document(), root + "api/" + api.context() + "/" + api.apiVersion(),
                root + "oauth2/authorize", root + "oauth2/token");
    }

    @Override
    public List<ApiView> listAll(Caller publisher) {
        requirePublisher(publisher);
        return apisOf(publisher).getResultList().stream().map(this::view).toList();
    }

    @Override
    public ApiPage listPage(Caller publisher, int page, int size) {
        requirePublisher(publisher);
        int pageSize = Math.max(1, Math.min(size <= 0 ? 20 : size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        var total = publisher.has(Role.ADMIN) ? em.createNamedQuery("Api.count", Long.class)
                : em.createNamedQuery("Api.ownedByCount", Long.class).setParameter("owner", publisher.accountId());
        return new ApiPage(apisOf(publisher).setFirstResult(pageNumber * pageSize).setMaxResults(pageSize)
                .getResultList().stream().map(this::view).toList(), pageNumber, pageSize, total.getSingleResult());
    }

    /** Every API for an administrator, a publisher's own for a publisher, by name and version. */
    private TypedQuery<Api> apisOf(Caller publisher) {
        return publisher.has(Role.ADMIN) ? em.createNamedQuery("Api.all", Api.class)
                : em.createNamedQuery("Api.ownedBy", Api.class).setParameter("owner", publisher.accountId());
    }

    @Override
    public ApiView managed(Caller publisher, UUID apiId) {
        return view(managedApi(publisher, apiId));
    }

    @Override
    public List<AuditEventView> history(Caller publisher, UUID apiId) {
        return trail.historyOf("api", managedApi(publisher, apiId).id(), 50);
    }

    @Override
    public Optional<ApiRoute> route(String context, String version) {
        return em.createNamedQuery("Api.byContext", Api.class).setParameter("context", context)
                .setParameter("version", version).getResultStream().findFirst().map(api -> {
                    Map<String, MockResponse> mocks = api.isMock() ? OpenApiDocuments.mocks(api.document()) : Map.of();
                    return api.toRoute(em.createNamedQuery("ApiOperation.ofApi", ApiOperation.class)
                            .setParameter("api", api.id()).getResultStream()
                            .map(operation -> operation.toRoute(mocks.get(operation.key()))).toList());
                });
    }

    /** Everyone sees the catalog's APIs; the others only their publisher and administrators. */
    private Api visible(Caller caller, UUID apiId) {
        Api api = find(apiId);
        if (!api.lifecycle().isVisible() && (caller == null || !api.isManagedBy(caller))) {
            throw new ApiNotFound();
        }
        return api;
    }

    /** Another publisher's API is not there for this one, exactly as another developer's application. */
    private Api managedApi(Caller publisher, UUID apiId) {
        requirePublisher(publisher);
        Api api = find(apiId);
        if (!api.isManagedBy(publisher)) {
            throw new ApiNotFound();
        }
        return api;
    }

    private Api find(UUID apiId) {
        Api api = em.find(Api.class, apiId);
        if (api == null) {
            throw new ApiNotFound();
        }
        return api;
    }

    private ApiView view(Api api) {
        List<UUID> planIds = em.createNamedQuery("ApiPlan.planIds", UUID.class).setParameter("api", api.id()).getResultList();
        List<PlanView> offered = plans.list().stream().filter(plan -> planIds.contains(plan.id())).toList();
        return api.toView(offered, em.createNamedQuery("ApiOperation.ofApi", ApiOperation.class)
                .setParameter("api", api.id()).getResultList().stream().map(ApiOperation::toView).toList());
    }

    static void requirePublisher(Caller caller) {
        if (!caller.isPublisher()) {
            throw new NotPublisher();
        }
    }

    private void checkUrl(String field, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidApi("invalid_endpoint", field + " must be an absolute http(s) URL.");
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new InvalidApi("invalid_endpoint", field + " must be an absolute http(s) URL.");
        }
        backends.refusedAtImport(uri).ifPresent(refused -> {
            throw new InvalidApi("backend_forbidden", field + " names " + refused + ", which is not a public"
                    + " address (loopback, link-local, private or reserved); the gateway does not reach such"
                    + " backends unless the operator lists them in " + BackendAddresses.CONFIG_KEY + ".");
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
