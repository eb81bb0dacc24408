package dev.gatehouse.keymanager.authorization.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application a person has allowed to act in their name, with the scopes allowed and when. */
public record AuthorizedApplication(UUID applicationId, String applicationName, String developer, List<String> scopes,
        Instant grantedAt) {

    public AuthorizedApplication {
        scopes = List.copyOf(scopes);
    }
}
