package dev.gatehouse.keymanager.clients.api;

/** What a client presented to authenticate, and where from: failures are throttled per client id and address. */
public record ClientCredentials(String clientId, String secret, String sourceAddress) {

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", sourceAddress=" + sourceAddress + "]";
    }
}
