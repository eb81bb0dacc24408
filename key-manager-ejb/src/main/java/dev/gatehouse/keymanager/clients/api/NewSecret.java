package dev.gatehouse.keymanager.clients.api;

/** A secret just made: {@code value} exists only in this answer; Gatehouse keeps its hash. */
public record NewSecret(SecretView secret, String value) {

    @Override
    public String toString() {
        return "NewSecret[" + secret + ", value=(hidden)]";
    }
}
