package dev.gatehouse.keymanager.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Client ids and the random values Gatehouse hands out and keeps only hashed: client secrets, authorization codes,
 * refresh tokens. Each is 256 random bits, so a plain SHA-256 is the right storage: nothing to brute-force, and the
 * token endpoint stays fast (a password hash would make it ~100x slower).
 */
public final class SecretValues {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretValues() {
    }

    public static String newClientId() {
        return random(18);
    }

    public static String newSecret() {
        return random(32);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
