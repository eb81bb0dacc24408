package dev.gatehouse.keymanager.authorization.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the consent page shows: the application asking, its developer, the scopes it asks for, and where the person
 * will be sent back to. {@code alreadyAllowed}: the person allowed these scopes to this application before, or it
 * is first-party, so the page need not ask.
 */
public record ConsentPrompt(String applicationName, String developer, List<String> scopes, String returnsTo,
        boolean alreadyAllowed) implements Serializable {

    public ConsentPrompt {
        scopes = List.copyOf(scopes);
    }
}
