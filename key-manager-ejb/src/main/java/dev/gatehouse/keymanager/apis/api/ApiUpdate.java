package dev.gatehouse.keymanager.apis.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/**
 * A published API changed in place: a new OpenAPI document (null keeps the current one; name, description, tags and
 * operations follow the document), its endpoints and the plans it offers. Context and version name the API on the
 * gateway and do not change; existing subscriptions keep their plans.
 */
public record ApiUpdate(
        @Size(max = 2_097_152, message = "document must be at most 2 MB") String document,
        @Pattern(regexp = "MOCK|HTTP", message = "endpointType must be MOCK or HTTP") String endpointType,
        @Size(max = 2048, message = "productionUrl must be at most 2048 characters") String productionUrl,
        @Size(max = 2048, message = "sandboxUrl must be at most 2048 characters") String sandboxUrl,
        boolean forwardToken,
        @NotEmpty(message = "planIds: offer at least one plan") Set<UUID> planIds) {
}
