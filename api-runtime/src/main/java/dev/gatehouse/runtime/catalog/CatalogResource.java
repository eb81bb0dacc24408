package dev.gatehouse.runtime.catalog;

import dev.gatehouse.keymanager.apis.api.ApiPage;
import dev.gatehouse.keymanager.apis.api.ApiService;
import dev.gatehouse.keymanager.apis.api.ApiView;
import jakarta.ejb.EJB;
import dev.gatehouse.runtime.problem.Problem;
import jakarta.ws.rs.BadRequestException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API catalog as developers see it: PUBLISHED and DEPRECATED APIs; open to anyone. */
@Path("/developer/v1/apis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogResource {

    @EJB
    ApiService apis;

    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 100;

    @GET
    @Operation(summary = "Search the catalog by name, tag or context; paged (page 0 to 1000000, size 1 to 100)")
    public ApiPage catalog(@QueryParam("search") String search,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000",
                    defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("size") String size) {
        return apis.catalog(search, bounded("page", page, 0, 0, MAX_PAGE), bounded("size", size, 20, 1, MAX_SIZE));
    }

    /** A paging parameter within its range; out of range or not a number is the caller's error (400), never 500. */
    private static int bounded(String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        if (value.matches("-?\\d{1,10}")) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw new BadRequestException(Problem.of(Response.Status.BAD_REQUEST, "invalid_request",
                name + " must be a whole number from " + min + " to " + max + ".").toResponse());
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
            + " only server is this gateway and whose only security scheme is this server's authorization-code flow"
            + " (what the portal's try-it console calls and signs people in with)")
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
