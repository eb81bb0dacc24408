package dev.gatehouse.runtime.catalog;

import dev.gatehouse.keymanager.apis.api.ApiPage;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API catalog as developers see it: PUBLISHED and DEPRECATED APIs; open to anyone. */
@Path("/developer/v1/apis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogResource {

    @EJB
    ApiService apis;

    @GET
    @Operation(summary = "Search the catalog by name, tag or context; paged (size at most 100)")
    public ApiPage catalog(@QueryParam("search") String search, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return apis.catalog(search, page, size);
    }

    @GET
    @Path("{apiId}")
    @Operation(summary = "One API: description, plans, operations and their scopes")
    public ApiView get(@PathParam("apiId") UUID apiId) {
        return apis.get(null, apiId);
    }

    @GET
    @Path("{apiId}/openapi")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    @Operation(summary = "The API's OpenAPI document, as its publisher gave it; with server=gateway, as JSON whose"
            + " only server is this gateway (what the portal's try-it console calls)")
    public Response document(@PathParam("apiId") UUID apiId, @QueryParam("server") String server,
            @Context UriInfo uri) {
        if ("gateway".equals(server)) {
            return Response.ok(apis.openApiDocumentForGateway(null, apiId, uri.getBaseUri().toString()),
                    MediaType.APPLICATION_JSON).build();
        }
        String document = apis.openApiDocument(null, apiId);
        String type = document.stripLeading().startsWith("{") ? MediaType.APPLICATION_JSON : "application/yaml";
        return Response.ok(document, type).build();
    }
}
