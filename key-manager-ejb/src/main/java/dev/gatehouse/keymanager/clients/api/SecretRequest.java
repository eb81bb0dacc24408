package dev.gatehouse.keymanager.clients.api;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record SecretRequest(
        @NotBlank(message = "name is required") @Size(max = 100, message = "name must be at most 100 characters")
        String name,
        @Future(message = "expiresAt must be in the future") Instant expiresAt) {
}
