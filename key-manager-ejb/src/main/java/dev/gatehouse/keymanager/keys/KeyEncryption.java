package dev.gatehouse.keymanager.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encrypts signing keys at rest with AES-256-GCM under the key-encryption key (KEK). The KEK comes from
 * {@code gatehouse.keys.encryption-key} (base64 of 32 bytes); without it, from a file in the data directory,
 * generated on the first start. Every node of a cluster needs the same KEK.
 */
public final class KeyEncryption {

    private static final System.Logger LOG = System.getLogger(KeyEncryption.class.getName());
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec kek;
    private final String kekId;

    public KeyEncryption(byte[] kek) {
        if (kek.length != 32) {
            throw new IllegalStateException("The key-encryption key must be 32 bytes (base64 of 32 random bytes).");
        }
        this.kek = new SecretKeySpec(kek, "AES");
        try {
            this.kekId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kek), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyEncryption fromConfig() {
        Config config = ConfigProvider.getConfig(KeyEncryption.class.getClassLoader());
        var configured = config.getOptionalValue("gatehouse.keys.encryption-key", String.class);
        if (configured.isPresent()) {
            return new KeyEncryption(Base64.getDecoder().decode(configured.get().strip()));
        }
        Path data = Path.of(config.getOptionalValue("gatehouse.data", String.class).orElse("./data"));
        return new KeyEncryption(fileKek(data.toAbsolutePath().normalize().resolve("key-encryption-key")));
    }

    /** Reads the KEK file, or creates it; of two instances racing, the loser reads the winner's. */
    static byte[] fileKek(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] kek = new byte[32];
                RANDOM.nextBytes(kek);
                try {
                    Files.write(file, Base64.getEncoder().encode(kek), StandardOpenOption.CREATE_NEW);
                    restrict(file);
                    LOG.log(Level.WARNING, "GH-KEY-001 Generated a key-encryption key in {0}. Keep it with the"
                            + " database backups; on a cluster set GATEHOUSE_KEYS_ENCRYPTION_KEY on every node instead.",
                            file);
                    return kek;
                } catch (FileAlreadyExistsException raced) {
                    // another instance wrote it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions; the data directory's own protection applies
        }
    }

    public String kekId() {
        return kekId;
    }

    public String encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public byte[] decrypt(String sealed, String expectedKekId) {
        if (!kekId.equals(expectedKekId)) {
            throw new IllegalStateException("GH-KEY-002 A signing key was encrypted with another key-encryption key ("
                    + expectedKekId + ", this instance has " + kekId + "): give every instance the same"
                    + " GATEHOUSE_KEYS_ENCRYPTION_KEY.");
        }
        byte[] in = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("GH-KEY-003 A signing key could not be decrypted: it was altered, or the"
                    + " key-encryption key is wrong.", e);
        }
    }
}
