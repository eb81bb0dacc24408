package dev.gatehouse.keymanager.signingkeys.api;

import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The keys that sign access tokens, shared by every instance through the database, as administrators manage them
 * (audited). Their public halves are {@link PublishedKeys}.
 */
@Local
public interface SigningKeys {

    /**
     * Starts a rotation now: a new key is published at once and signs once verifiers have had time to fetch it
     * ({@code gatehouse.keys.publication-delay}), so no valid token is refused. While a rotation is under way,
     * returns the key already waiting.
     */
    SigningKeyView rotate(@NotNull Caller administrator);

    /**
     * A compromised key: DISABLED at once, and every token it signed revoked, so that every node refuses them within
     * the change feed's interval. If it was the key that signs, the key waiting to sign takes over now, or a new key
     * does; each node's gateway fetches the key set again on the change, or at the first token of a key it does not
     * hold, so the new key's tokens are served within about a second.
     */
    SigningKeyView disable(@NotNull Caller administrator, @NotBlank @Size(max = 64) String kid);

    /** Every key, newest first, DISABLED ones included. */
    List<SigningKeyView> list(@NotNull Caller administrator);
}
