package dev.gatehouse.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.net.InetAddress;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own MicroProfile JWT verification against a key set served on loopback: the mp.jwt.verify.* rules
 * (key, issuer, audience), the token as a JsonWebToken, and the key set fetched once, again for a key it does not
 * hold (at most once a second), and kept when the issuer cannot be reached.
 */
class BearerTokensTest {

    private static final String ISSUER = "http://127.0.0.1/issuer";

    private HttpServer issuer;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String published;
    private volatile int status = 200;
    private RSAKey first;
    private RSAKey second;
    private IssuerKeySet keys;
    private BearerTokens tokens;

    @BeforeEach
    void start() throws Exception {
        first = new RSAKeyGenerator(2048).keyID("first").algorithm(JWSAlgorithm.RS256).generate();
        second = new RSAKeyGenerator(2048).keyID("second").algorithm(JWSAlgorithm.RS256).generate();
        publish(first);
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        keys = new IssuerKeySet();
        keys.location = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks";
        keys.executor = executor();
        tokens = new BearerTokens();
        tokens.issuer = ISSUER;
        tokens.audiences = List.of("gatehouse", "other");
        tokens.keys = keys;
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
        pool.shutdownNow();
    }

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    /** The container's managed executor, as far as the key set uses it: execute on another thread. */
    private ManagedExecutorService executor() {
        return (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (self, method, arguments) -> {
                    if (method.getName().equals("execute")) {
                        pool.execute((Runnable) arguments[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void publish(RSAKey... signing) {
        published = new JWKSet(Stream.of(signing).map(key -> (JWK) key.toPublicJWK()).toList()).toString();
    }

    private static String token(RSAKey key, String issuer, String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("client-1")
                .jwtID("jti-1").issueTime(Date.from(Instant.ofEpochSecond(1_800_000_000L)))
                .expirationTime(Date.from(Instant.ofEpochSecond(1_800_000_900L))).claim("client_id", "client-1")
                .claim("scope", "orders:read").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenSignedByThePublishedKeyForThisIssuerAndAudienceIsAJsonWebToken() throws Exception {
        String text = token(first, ISSUER, "gatehouse");

        JsonWebToken jwt = tokens.verify(text).orElseThrow();

        assertEquals(text, jwt.getRawToken());
        assertEquals("client-1", jwt.getSubject());
        assertEquals("client-1", jwt.getName(), "no upn or preferred_username: the subject");
        assertEquals(ISSUER, jwt.getIssuer());
        assertEquals(Set.of("gatehouse"), jwt.getAudience());
        assertEquals(1_800_000_900L, jwt.getExpirationTime());
        assertEquals(1_800_000_000L, jwt.getIssuedAtTime());
        assertEquals("orders:read", jwt.getClaim("scope"));
        assertTrue(jwt.getClaimNames().containsAll(Set.of("raw_token", "client_id", "exp")));
        assertTrue(tokens.verify(token(first, ISSUER, "other")).isPresent(), "any of mp.jwt.verify.audiences");
    }

    @Test
    void anotherIssuerAudienceKeyOrSignatureIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("first").generate();
        String good = token(first, ISSUER, "gatehouse");
        int signature = good.lastIndexOf('.') + 1;
        String tampered = good.substring(0, signature) + "AAAA" + good.substring(signature + 4);

        assertTrue(tokens.verify(token(first, "http://127.0.0.1/elsewhere", "gatehouse")).isEmpty(), "issuer");
        assertTrue(tokens.verify(token(first, ISSUER, "someone-else")).isEmpty(), "audience");
        assertTrue(tokens.verify(token(impostor, ISSUER, "gatehouse")).isEmpty(),
                "the kid of a key it was not signed by");
        assertTrue(tokens.verify(token(second, ISSUER, "gatehouse")).isEmpty(), "a key not published");
        assertTrue(tokens.verify(tampered).isEmpty(), "signature");
        assertTrue(tokens.verify("not.a.token").isEmpty(), "garbage");
        assertTrue(keys.verifier("first", JWSAlgorithm.ES256).isEmpty(), "only with the key's own algorithm");
    }

    @Test
    void theKeySetIsFetchedOnceAndAgainForAKeyItDoesNotHoldAtMostOnceASecond() throws Exception {
        assertTrue(tokens.verify(token(first, ISSUER, "gatehouse")).isPresent());
        assertTrue(tokens.verify(token(first, ISSUER, "gatehouse")).isPresent());
        assertEquals(1, fetches.get(), "one fetch for any number of tokens");

        publish(first, second);
        String next = token(second, ISSUER, "gatehouse");
        for (int i = 0; i < 20; i++) {
            keys.verifier("made-up-" + i, JWSAlgorithm.RS256);
        }
        assertTrue(fetches.get() <= 2, "made-up kids cost at most one fetch a second: " + fetches.get());

        Thread.sleep(IssuerKeySet.UNKNOWN_KEY_PAUSE.toMillis() + 100);
        assertTrue(tokens.verify(next).isPresent(), "a newly published key verifies its first token");
    }

    @Test
    void aSigningKeyChangeFetchesTheKeySetAgainWithoutWaitingForAToken() throws Exception {
        assertTrue(tokens.verify(token(first, ISSUER, "gatehouse")).isPresent());
        publish(first, second);

        keys.refresh();

        Instant deadline = Instant.now().plusSeconds(5);
        while (fetches.get() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertEquals(2, fetches.get(), "fetched again on the change");
        Thread.sleep(100);
        assertTrue(keys.verifier("second", JWSAlgorithm.RS256).isPresent(), "the new key held");
        assertEquals(2, fetches.get(), "and no fetch for its token");
    }

    @Test
    void whenTheIssuerCannotBeReachedTheKeysHeldStayInUse() throws Exception {
        assertTrue(tokens.verify(token(first, ISSUER, "gatehouse")).isPresent());
        status = 503;
        published = "{\"error\":\"down\"}";

        Thread.sleep(IssuerKeySet.UNKNOWN_KEY_PAUSE.toMillis() + 100);
        assertTrue(keys.verifier("made-up", JWSAlgorithm.RS256).isEmpty());
        assertEquals(2, fetches.get(), "it tried");
        assertTrue(tokens.verify(token(first, ISSUER, "gatehouse")).isPresent(), "and kept what it had");
    }

    @Test
    void aKeySetThatIsNotJsonIsRefusedWhole() {
        assertThrows(java.text.ParseException.class, () -> IssuerKeySet.parse("<html>not found</html>"));
    }
}
