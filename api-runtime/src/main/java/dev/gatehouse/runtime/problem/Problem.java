package dev.gatehouse.runtime.problem;

import dev.gatehouse.runtime.JsonOutput;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a stable reason code (a relative URI such as
 * {@code urn:gatehouse:problem:not_found}, snake_case as OAuth's error codes) that clients may switch on; {@code detail} is for people.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:gatehouse:problem:";

    public static Problem of(Response.StatusType status, String reason, String detail) {
        return new Problem(TYPE_PREFIX + reason, status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonOutput.object()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        // the reason code alone, for clients that switch on it
        json.add("reason", type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type);
        return json.build();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
    }
}
