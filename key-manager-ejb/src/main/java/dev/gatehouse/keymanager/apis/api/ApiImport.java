package dev.gatehouse.keymanager.apis.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/**
 * A publisher's new API: its OpenAPI 3.x document (JSON or YAML) and what the document does not say.
 * endpointType MOCK answers from the document's examples; HTTP proxies to productionUrl / sandboxUrl.
 */
public record ApiImport(
        @NotBlank(message = "document (the OpenAPI document) is required") String document,
        @NotBlank(message = "context is required")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "context must be 1 to 63 lower-case letters, digits or dashes")
        String context,
        @Size(max = 32, message = "version must be at most 32 characters") String version,
        @Pattern(regexp = "MOCK|HTTP", message = "endpointType must be MOCK or HTTP") String endpointType,
        @Size(max = 2048, message = "productionUrl must be at most 2048 characters") String productionUrl,
        @Size(max = 2048, message = "sandboxUrl must be at most 2048 characters") String sandboxUrl,
        boolean forwardToken,
        @NotEmpty(message = "planIds: offer at least one plan") Set<UUID> planIds) {
}
