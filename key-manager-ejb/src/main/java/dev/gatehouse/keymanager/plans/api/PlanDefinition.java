package dev.gatehouse.keymanager.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A new business plan: requestLimit per timeUnit (both absent: unlimited), optional burst, approval. */
public record PlanDefinition(
        @NotBlank(message = "name is required") @Size(max = 64, message = "name must be at most 64 characters") String name,
        @Size(max = 500, message = "description must be at most 500 characters") String description,
        @Positive(message = "requestLimit must be positive") Long requestLimit,
        @Pattern(regexp = "SECOND|MINUTE|HOUR|DAY", message = "timeUnit must be SECOND, MINUTE, HOUR or DAY") String timeUnit,
        @Positive(message = "burstLimit must be positive") Long burstLimit,
        boolean requiresApproval) {
}
