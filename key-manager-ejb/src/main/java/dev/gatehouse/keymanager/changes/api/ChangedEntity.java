package dev.gatehouse.keymanager.changes.api;

import java.util.Arrays;
import java.util.Optional;

/** What a change-feed entry is about; {@link #key()} is what the feed stores. */
public enum ChangedEntity {
    API("api"),
    APPLICATION("application"),
    SUBSCRIPTION("subscription"),
    OAUTH_CLIENT("oauth_client"),
    CLIENT_SECRET("client_secret"),
    REVOCATION("revocation"),
    SIGNING_KEY("signing_key");

    private final String key;

    ChangedEntity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Empty for a name this version does not write (an entry of a newer node, say): nothing to do for it. */
    public static Optional<ChangedEntity> of(String key) {
        return Arrays.stream(values()).filter(entity -> entity.key.equals(key)).findFirst();
    }
}
