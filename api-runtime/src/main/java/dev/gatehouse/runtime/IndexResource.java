package dev.gatehouse.runtime;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The server's front door: a browser goes on to the Developer Portal, a program gets the map of endpoints. */
@Path("/")
public class IndexResource {

    static final String PORTAL = "/devportal/";

    @Context
    private UriInfo uriInfo;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response portal() {
        return Response.seeOther(uriInfo.getBaseUriBuilder().replacePath(PORTAL).build()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject endpoints() {
        return JsonOutput.object()
                .add("name", "Gatehouse")
                .add("portal", PORTAL)
                .add("health", "/health")
                .add("openapi", "/openapi")
                .add("metrics", "/metrics")
                .build();
    }
}
