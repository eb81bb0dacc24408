package dev.gatehouse.keymanager.signingkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * Encrypts signing keys at rest with AES-256-GCM under the key-encryption key (KEK). The KEK is
 * {@code gatehouse.keys.encryption-key} (base64 of 32 bytes); without it, the file {@code key-encryption-key} in the
 * data directory, generated on the first start. Every instance sharing the database needs the same KEK; its id
 * (the first 8 bytes of its SHA-256, in hex) is stored beside each key so that a wrong one is named, not guessed.
 */
final class KeyEncryption {

    static final String FILE_NAME = "key-encryption-key";
    private static final System.Logger LOG = System.getLogger(KeyEncryption.class.getName());
    private static final int KEK_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** How long an instance that lost the race to create the file waits for the winner to finish writing it. */
    private static final int READ_ATTEMPTS = 100;
    private static final long READ_PAUSE_MILLIS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec kek;
    private final String kekId;

    KeyEncryption(byte[] kek) {
        if (kek.length != KEK_BYTES) {
            throw new IllegalArgumentException("GH-KEY-006 The key-encryption key must be 32 bytes (base64 of 32 random"
                    + " bytes, e.g. openssl rand -base64 32), not " + kek.length);
        }
        this.kek = new SecretKeySpec(kek, "AES");
        this.kekId = id(kek);
    }

    static KeyEncryption from(Config config) {
        return from(config.getOptionalValue("gatehouse.keys.encryption-key", String.class),
                Path.of(config.getOptionalValue("gatehouse.data", String.class).orElse("./data")));
    }

    static KeyEncryption from(Optional<String> configured, Path dataDirectory) {
        if (configured.isPresent()) {
            return new KeyEncryption(decode(configured.get(), "gatehouse.keys.encryption-key"));
        }
        return new KeyEncryption(readOrCreate(dataDirectory.toAbsolutePath().normalize().resolve(FILE_NAME)));
    }

    String kekId() {
        return kekId;
    }

    /** base64 of nonce, ciphertext and tag: a fresh 96-bit random nonce each time. */
    String encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            cipher.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The plain bytes of what {@link #encrypt} sealed under the KEK with the given id. */
    byte[] decrypt(String sealed, String sealedUnderKekId) {
        requireSameKek(sealedUnderKekId);
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no cause: its message could describe the data
            throw new IllegalStateException("GH-KEY-003 A signing key could not be decrypted with key-encryption key "
                    + kekId + ": the stored key was altered.");
        }
    }

    /** Refuses, naming both ids, when something was sealed under another KEK than this instance's. */
    void requireSameKek(String sealedUnderKekId) {
        if (!kekId.equals(sealedUnderKekId)) {
            throw new IllegalStateException("GH-KEY-002 The signing keys were encrypted under key-encryption key "
                    + sealedUnderKekId + ", but this instance has key-encryption key " + kekId + ". Every instance"
                    + " sharing the database must be given the same GATEHOUSE_KEYS_ENCRYPTION_KEY (or the same "
                    + FILE_NAME + " file).");
        }
    }

    private static String id(byte[] kek) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kek), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // no cause and no value: either could show part of the key
            throw new IllegalArgumentException("GH-KEY-006 " + source + " is not base64 (expected base64 of 32 random"
                    + " bytes, e.g. openssl rand -base64 32)");
        }
    }

    /** Reads the KEK file, or creates it; of instances racing to create it, the losers read the winner's. */
    static byte[] readOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] kek = new byte[KEK_BYTES];
                RANDOM.nextBytes(kek);
                if (create(file, Base64.getEncoder().encode(kek))) {
                    LOG.log(Level.WARNING, "GH-KEY-001 Generated a key-encryption key in {0}; it encrypts the token"
                            + " signing keys in the database, so back it up with the database. Instances that do not"
                            + " share this file (a cluster) must all be given the same GATEHOUSE_KEYS_ENCRYPTION_KEY"
                            + " (base64 of 32 random bytes) instead.", file);
                    return kek;
                }
                Arrays.fill(kek, (byte) 0);
            }
            return readWritten(file);
        } catch (IOException e) {
            throw new UncheckedIOException("GH-KEY-006 Cannot read or create the key-encryption key file " + file, e);
        }
    }

    /** CREATE_NEW is atomic, so exactly one instance creates the file; owner-only from its first moment on POSIX. */
    private static boolean create(Path file, byte[] content) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, options, ownerOnly);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (channel instanceof FileChannel fileChannel) {
                fileChannel.force(true);
            }
        } catch (IOException e) {
            // a half-written file would stop every later start; without it the next start tries again
            Files.deleteIfExists(file);
            throw e;
        }
        return true;
    }

    /** The file's KEK, waiting briefly if another instance has created it but not finished writing it. */
    private static byte[] readWritten(Path file) throws IOException {
        int complete = Base64.getEncoder().encodeToString(new byte[KEK_BYTES]).length();
        for (int attempt = 1; ; attempt++) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.length() >= complete || attempt == READ_ATTEMPTS) {
                byte[] kek = decode(text, "The key-encryption key file " + file);
                if (kek.length != KEK_BYTES) {
                    throw new IllegalArgumentException("GH-KEY-006 The key-encryption key file " + file
                            + " does not hold base64 of 32 bytes");
                }
                return kek;
            }
            try {
                Thread.sleep(READ_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading " + file, e);
            }
        }
    }
}
