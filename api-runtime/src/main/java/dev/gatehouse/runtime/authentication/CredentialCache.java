package dev.gatehouse.runtime.authentication;

import dev.gatehouse.keymanager.accounts.api.AccountService;
import dev.gatehouse.keymanager.accounts.api.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password checks are slow on purpose (PBKDF2), and HTTP Basic sends the password on every request: remember a
 * successful check for a minute, keyed by a hash of the credentials (never the password itself). A signed-in
 * caller is then served from here even while the key manager refuses new password checks (a flood of wrong
 * credentials uses up their budget). Failures are not remembered: the key manager throttles them per address.
 */
@ApplicationScoped
public class CredentialCache {

    private static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    @EJB
    AccountService accounts;

    Optional<Caller> authenticate(String username, String password, String sourceAddress) {
        String key = key(username, password);
        Instant now = Instant.now();
        Entry entry = verified.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return Optional.of(entry.caller());
        }
        Optional<Caller> caller = accounts.authenticate(username, password, sourceAddress);
        caller.ifPresent(c -> {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(e -> e.expires().isBefore(now));
            }
            verified.put(key, new Entry(c, now.plus(TTL)));
        });
        return caller;
    }

    private static String key(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
