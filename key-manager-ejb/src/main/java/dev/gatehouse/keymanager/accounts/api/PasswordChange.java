package dev.gatehouse.keymanager.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An account's own new password, given with its current one; the same rules as at signup. */
public record PasswordChange(
        @NotBlank(message = "currentPassword is required")
        @Size(max = 200, message = "currentPassword must be at most 200 characters")
        String currentPassword,
        @NotBlank(message = "newPassword is required")
        @Size(min = 10, max = 200, message = "newPassword must be 10 to 200 characters")
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
