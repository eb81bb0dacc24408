package dev.gatehouse.runtime.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer's public keys, as MicroProfile JWT takes them: the JWKS at {@code mp.jwt.verify.publickey.location},
 * fetched again every 10 s, whenever the change feed reports a signing-key change ({@link ChangeFollower}), and when a
 * token names a key not held (at most once a second), so that a newly published key verifies from its first token.
 * A verifier is built once per key, not per token.
 *
 * <p>Fetches run on the managed executor, one at a time, never on a request's thread: the key set is usually this
 * server's own, and a request thread that fetched it would wait for another one to answer. Only a token naming a key
 * not held waits for the fetch, at most {@link #WAIT_FOR_UNKNOWN_KEY}. A failed fetch keeps the keys held (a key
 * leaves the set only when the issuer stops publishing it).
 */
@ApplicationScoped
class IssuerKeySet {

    private static final System.Logger LOG = System.getLogger(IssuerKeySet.class.getName());
    static final Duration REFRESH = Duration.ofSeconds(10);
    /** Between two fetches for a key not held: a stream of tokens naming made-up keys costs one fetch a second. */
    static final Duration UNKNOWN_KEY_PAUSE = Duration.ofSeconds(1);
    static final Duration WAIT_FOR_UNKNOWN_KEY = Duration.ofSeconds(2);
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BYTES = 1 << 20;

    private record Key(JWSAlgorithm algorithm, JWSVerifier verifier) {
    }

    private record Held(Map<String, Key> byKid, long fetchedAt) {
        long age() {
            return System.nanoTime() - fetchedAt;
        }
    }

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String location;

    @Resource
    ManagedExecutorService executor;

    private volatile Held held = new Held(Map.of(), System.nanoTime() - 2 * REFRESH.toNanos());
    private final Object fetching = new Object();
    /** Guarded by {@link #fetching}. */
    private CompletableFuture<Held> lastFetch = CompletableFuture.completedFuture(held);
    /** Guarded by {@link #fetching}: System.nanoTime() of the last fetch's start. */
    private long lastStart = held.fetchedAt();

    /** The verifier of the key {@code kid} for {@code algorithm}; empty if the issuer publishes no such key. */
    Optional<JWSVerifier> verifier(String kid, JWSAlgorithm algorithm) {
        if (kid == null || algorithm == null) {
            return Optional.empty();
        }
        Held keys = held;
        if (keys.age() > REFRESH.toNanos()) {
            fetch(REFRESH); // in the background: this request goes on with the keys held
        }
        Key key = keys.byKid().get(kid);
        if (key == null) {
            key = awaitFetch(fetch(UNKNOWN_KEY_PAUSE)).byKid().get(kid);
        }
        return key != null && key.algorithm().equals(algorithm) ? Optional.of(key.verifier()) : Optional.empty();
    }

    /** Fetches the key set again soon, without waiting for it: a signing key was added, rotated or disabled. */
    void refresh() {
        fetch(Duration.ZERO);
    }

    /** The fetch under way, else a new one if the last started more than {@code pause} ago, else the keys held. */
    private CompletableFuture<Held> fetch(Duration pause) {
        synchronized (fetching) {
            if (!lastFetch.isDone()) {
                return lastFetch;
            }
            long now = System.nanoTime();
            if (now - lastStart < pause.toNanos()) {
                return CompletableFuture.completedFuture(held);
            }
            lastStart = now;
            lastFetch = CompletableFuture.supplyAsync(this::download, executor);
            return lastFetch;
        }
    }

    private Held awaitFetch(CompletableFuture<Held> fetch) {
        try {
            return fetch.get(WAIT_FOR_UNKNOWN_KEY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return held;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return held;
        }
    }

    /** On the executor, one at a time. */
    private Held download() {
        Map<String, Key> keys = held.byKid();
        try {
            keys = parse(read());
        } catch (IOException | ParseException | JOSEException | RuntimeException e) {
            LOG.log(Level.WARNING, "GH-GW-040 The issuer''s key set at {0} could not be read ({1}); the {2} keys held"
                    + " stay in use", location, e.toString(), keys.size());
        }
        held = new Held(keys, System.nanoTime());
        return held;
    }

    private String read() throws IOException {
        URLConnection connection = URI.create(location).toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Key> parse(String jwks) throws ParseException, JOSEException {
        Map<String, Key> keys = new HashMap<>();
        for (JWK jwk : JWKSet.parse(jwks).getKeys()) {
            if (jwk.getKeyID() == null || KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
                continue;
            }
            if (jwk instanceof RSAKey rsa) {
                keys.put(jwk.getKeyID(), new Key(algorithm(jwk, JWSAlgorithm.RS256),
                        new RSASSAVerifier(rsa.toRSAPublicKey())));
            } else if (jwk instanceof ECKey ec) {
                keys.put(jwk.getKeyID(), new Key(algorithm(jwk, JWSAlgorithm.ES256),
                        new ECDSAVerifier(ec.toECPublicKey())));
            }
        }
        return Map.copyOf(keys);
    }

    private static JWSAlgorithm algorithm(JWK jwk, JWSAlgorithm otherwise) {
        return jwk.getAlgorithm() == null ? otherwise : JWSAlgorithm.parse(jwk.getAlgorithm().getName());
    }
}
