package dev.gatehouse.keymanager.apis.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import dev.gatehouse.keymanager.audit.api.AuditEventView;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The API catalog. Changes need a publisher or administrator; developers see PUBLISHED and DEPRECATED APIs. */
@Local
public interface ApiService {

    ApiView importApi(@NotNull Caller publisher, @NotNull @Valid ApiImport api);

    ApiView update(@NotNull Caller publisher, @NotNull UUID apiId, @NotNull @Valid ApiUpdate update);

    ApiView changeLifecycle(@NotNull Caller publisher, @NotNull UUID apiId, @NotNull Lifecycle target);

    /** Visible APIs whose name, tag or context contains the search text (ignoring case), by name. */
    ApiPage catalog(String search, int page, int size);

    /** An API as the caller may see it (caller may be null: anonymous). */
    ApiView get(Caller caller, @NotNull UUID apiId);

    String openApiDocument(Caller caller, @NotNull UUID apiId);

    /**
     * The document as JSON whose only server is this API on the gateway under {@code baseUrl} (the server's root
     * URL), and whose only security scheme is Gatehouse's authorization-code flow there: what an interactive
     * console must call and how it signs a person in, whatever servers and schemes the publisher's document names.
     */
    String openApiDocumentForGateway(Caller caller, @NotNull UUID apiId, @NotNull String baseUrl);

    /** Every API, whatever its lifecycle, for an administrator; a publisher's own APIs for a publisher. */
    List<ApiView> listAll(@NotNull Caller publisher);

    /** One page of {@link #listAll}, by name and version: what the publisher's portal shows at a time. */
    ApiPage listPage(@NotNull Caller publisher, int page, int size);

    /** One of the publisher's APIs (any, for an administrator), backend included; another's is {@code api_not_found}. */
    ApiView managed(@NotNull Caller publisher, @NotNull UUID apiId);

    /** What was done to one of the publisher's APIs (import, changes, lifecycle): who and when, newest first. */
    List<AuditEventView> history(@NotNull Caller publisher, @NotNull UUID apiId);

    /**
     * For the gateway: the API at this context and version, whatever its lifecycle (the gateway tells a retired API
     * from an unknown one), with each operation's mock answer read from its OpenAPI document.
     */
    Optional<ApiRoute> route(@NotNull String context, @NotNull String version);
}
