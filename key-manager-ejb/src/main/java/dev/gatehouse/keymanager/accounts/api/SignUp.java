package dev.gatehouse.keymanager.accounts.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A developer's self-signup. */
public record SignUp(
        @NotBlank(message = "username is required")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}",
                message = "username must be 3 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit")
        String username,
        @NotBlank(message = "email is required")
        @Email(message = "email must be an email address")
        @Size(max = 254, message = "email must be at most 254 characters")
        String email,
        @NotBlank(message = "displayName is required")
        @Size(max = 100, message = "displayName must be at most 100 characters")
        String displayName,
        @NotBlank(message = "password is required")
        @Size(min = 10, max = 200, message = "password must be 10 to 200 characters")
        String password) {

    @Override
    public String toString() {
        return "SignUp[username=" + username + ", email=" + email + "]";
    }
}
