package dev.gatehouse.keymanager.apis;

import dev.gatehouse.keymanager.apis.api.MockResponse;
import dev.gatehouse.keymanager.apis.api.OperationView;
import dev.gatehouse.keymanager.apis.api.RouteOperation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** One operation of an API (method and path template) with the OAuth scopes it requires. */
@Entity
@Table(name = "api_operations")
@NamedQuery(name = "ApiOperation.deleteOfApi", query = "DELETE FROM ApiOperation o WHERE o.apiId = :api")
@NamedQuery(name = "ApiOperation.ofApis", query = "SELECT o FROM ApiOperation o WHERE o.apiId IN :apis")
@NamedQuery(name = "ApiOperation.ofApi", query = "SELECT o FROM ApiOperation o WHERE o.apiId = :api ORDER BY o.pathTemplate, o.httpMethod")
public class ApiOperation {

    @Id
    private UUID id;

    @Column(name = "api_id", nullable = false)
    private UUID apiId;

    @Column(name = "http_method", nullable = false, length = 8)
    private String httpMethod;

    @Column(name = "path_template", nullable = false, length = 500)
    private String pathTemplate;

    @Column(name = "operation_id", length = 200)
    private String operationId;

    /** Space-separated. */
    @Column(nullable = false, length = 1000)
    private String scopes;

    protected ApiOperation() {
    }

    ApiOperation(UUID apiId, OpenApiDocuments.Operation operation) {
        this.id = UUID.randomUUID();
        this.apiId = apiId;
        this.httpMethod = operation.method();
        this.pathTemplate = operation.path();
        this.operationId = operation.operationId();
        this.scopes = String.join(" ", new TreeSet<>(operation.scopes()));
    }

    OperationView toView() {
        return new OperationView(httpMethod, pathTemplate, operationId, requiredScopes());
    }

    RouteOperation toRoute(MockResponse mock) {
        return new RouteOperation(httpMethod, pathTemplate, requiredScopes(), mock);
    }

    String key() {
        return OpenApiDocuments.operationKey(httpMethod, pathTemplate);
    }

    Set<String> requiredScopes() {
        return scopes.isBlank() ? Set.of() : Arrays.stream(scopes.split(" ")).collect(Collectors.toCollection(TreeSet::new));
    }
}
