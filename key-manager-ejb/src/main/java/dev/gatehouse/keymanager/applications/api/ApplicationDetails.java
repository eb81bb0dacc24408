package dev.gatehouse.keymanager.applications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a developer says about an application, on creation and on update. Names are trimmed. */
public record ApplicationDetails(
        @NotBlank(message = "name is required")
        @Size(max = 100, message = "name must be at most 100 characters")
        String name,
        @Size(max = 1000, message = "description must be at most 1000 characters")
        String description) {
}
