package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.accounts.api.Role;
import dev.gatehouse.keymanager.apis.api.ApiRoute;
import dev.gatehouse.keymanager.apis.api.ApiView;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
import dev.gatehouse.keymanager.apis.api.Lifecycle;
import dev.gatehouse.keymanager.apis.api.OperationView;
import dev.gatehouse.keymanager.database.VersionedRow;
import dev.gatehouse.keymanager.plans.api.PlanView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "apis")
@NamedQuery(name = "Api.byContext", query = "SELECT a FROM Api a WHERE a.context = :context AND a.apiVersion = :version")
@NamedQuery(name = "Api.all", query = "SELECT a FROM Api a ORDER BY a.name, a.apiVersion, a.context")
@NamedQuery(name = "Api.ownedBy", query = "SELECT a FROM Api a WHERE a.ownerId = :owner ORDER BY a.name, a.apiVersion, a.context")
@NamedQuery(name = "Api.ownedByCount", query = "SELECT COUNT(a) FROM Api a WHERE a.ownerId = :owner")
@NamedQuery(name = "Api.idsOwnedBy", query = "SELECT a.id FROM Api a WHERE a.ownerId = :owner")
@NamedQuery(name = "Api.count", query = "SELECT COUNT(a) FROM Api a")
/**
 * Name and context match by substring, tags (kept lower-case) exactly; all ignoring case. The tag test is a
 * subquery: EclipseLink turns MEMBER OF into an inner join, which would drop every API without tags.
 */
@NamedQuery(name = "Api.catalog", query = "SELECT DISTINCT a FROM Api a WHERE a.lifecycle IN :visible"
        + " AND (:search = '' OR LOWER(a.name) LIKE :pattern OR LOWER(a.context) LIKE :pattern OR EXISTS (SELECT b.id FROM Api b JOIN b.tags t WHERE b.id = a.id AND t = :search))"
        + " ORDER BY a.name, a.apiVersion")
@NamedQuery(name = "Api.catalogCount", query = "SELECT COUNT(DISTINCT a) FROM Api a WHERE a.lifecycle IN :visible"
        + " AND (:search = '' OR LOWER(a.name) LIKE :pattern OR LOWER(a.context) LIKE :pattern OR EXISTS (SELECT b.id FROM Api b JOIN b.tags t WHERE b.id = a.id AND t = :search))")
public class Api extends VersionedRow {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String context;

    @Column(name = "api_version", nullable = false, length = 32)
    private String apiVersion;

    @Column(length = 4000)
    private String description;

    @Column(name = "openapi_document", nullable = false)
    private String openapiDocument;

    @Column(name = "endpoint_type", nullable = false, length = 8)
    private String endpointType;

    @Column(name = "production_url", length = 2048)
    private String productionUrl;

    @Column(name = "sandbox_url", length = 2048)
    private String sandboxUrl;

    @Column(name = "forward_token", nullable = false)
    private boolean forwardToken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Lifecycle lifecycle = Lifecycle.CREATED;

    @Column(name = "owner_id")
    private UUID ownerId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_tags", joinColumns = @JoinColumn(name = "api_id"))
    @Column(name = "tag", length = 50)
    private Set<String> tags = new HashSet<>();

    protected Api() {
    }

    Api(OpenApiDocuments.Parsed parsed, String document, String context, String version, String endpointType,
            String productionUrl, String sandboxUrl, boolean forwardToken, UUID ownerId) {
        super(Instant.now());
        this.name = parsed.name();
        this.description = parsed.description();
        this.tags = new HashSet<>(parsed.tags());
        this.openapiDocument = document;
        this.context = context;
        this.apiVersion = version;
        this.endpointType = endpointType;
        this.productionUrl = productionUrl;
        this.sandboxUrl = sandboxUrl;
        this.forwardToken = forwardToken;
        this.ownerId = ownerId;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public String name() {
        return name;
    }

    public String context() {
        return context;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** Administrators manage every API; a publisher the APIs they own. */
    public boolean isManagedBy(Caller caller) {
        return caller.has(Role.ADMIN) || (caller.isPublisher() && caller.accountId().equals(ownerId));
    }

    boolean isMock() {
        return "MOCK".equals(endpointType);
    }

    String document() {
        return openapiDocument;
    }

    ApiRoute toRoute(List<RouteOperation> operations) {
        return new ApiRoute(id(), name, context, apiVersion, lifecycle, endpointType, productionUrl, sandboxUrl,
                forwardToken, operations);
    }

    /** A new document: the name, description and tags follow it; context and version stay. */
    void redefine(OpenApiDocuments.Parsed parsed, String document) {
        this.name = parsed.name();
        this.description = parsed.description();
        this.tags = new HashSet<>(parsed.tags());
        this.openapiDocument = document;
        changed();
    }

    void endpoints(String endpointType, String productionUrl, String sandboxUrl, boolean forwardToken) {
        this.endpointType = endpointType;
        this.productionUrl = productionUrl;
        this.sandboxUrl = sandboxUrl;
        this.forwardToken = forwardToken;
        changed();
    }

    void moveTo(Lifecycle target) {
        lifecycle = target;
        changed();
    }

    ApiView toView(List<PlanView> plans, List<OperationView> operations) {
        return new ApiView(id(), name, context, apiVersion, description, new TreeSet<>(tags), lifecycle, endpointType,
                productionUrl, sandboxUrl, forwardToken, plans, operations);
    }
}
