package dev.gatehouse.keymanager.signingkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] randomKek() {
        byte[] kek = new byte[32];
        RANDOM.nextBytes(kek);
        return kek;
    }

    @Test
    void whatIsEncryptedDecryptsToTheSameBytesAndNeverTwiceTheSame() {
        KeyEncryption encryption = new KeyEncryption(randomKek());
        byte[] plain = "{\"kty\":\"RSA\",\"d\":\"private\"}".getBytes(StandardCharsets.UTF_8);

        String first = encryption.encrypt(plain);
        String second = encryption.encrypt(plain);

        assertArrayEquals(plain, encryption.decrypt(first, encryption.kekId()));
        assertArrayEquals(plain, encryption.decrypt(second, encryption.kekId()));
        assertNotEquals(first, second, "a fresh nonce each time");
        assertFalse(new String(Base64.getDecoder().decode(first), StandardCharsets.ISO_8859_1).contains("private"));
    }

    @Test
    void theKekIdIsTheFirstEightBytesOfItsSha256() throws Exception {
        byte[] kek = randomKek();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kek)).substring(0, 16);
        assertEquals(expected, new KeyEncryption(kek).kekId());
    }

    @Test
    void aWrongKekIsNamedBeforeAnythingIsDecrypted() {
        byte[] rightKek = randomKek();
        byte[] wrongKek = randomKek();
        KeyEncryption right = new KeyEncryption(rightKek);
        KeyEncryption wrong = new KeyEncryption(wrongKek);
        String sealed = right.encrypt(new byte[] {1, 2, 3});

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> wrong.decrypt(sealed, right.kekId()));

        assertTrue(refused.getMessage().startsWith("GH-KEY-002"), refused.getMessage());
        assertTrue(refused.getMessage().contains(right.kekId()) && refused.getMessage().contains(wrong.kekId()));
        assertTrue(refused.getMessage().contains("GATEHOUSE_KEYS_ENCRYPTION_KEY"));
        for (byte[] kek : List.of(rightKek, wrongKek)) {
            assertFalse(refused.getMessage().contains(Base64.getEncoder().encodeToString(kek)), "never the key");
        }
    }

    @Test
    void anAlteredKeyIsDetected() {
        KeyEncryption encryption = new KeyEncryption(randomKek());
        byte[] sealed = Base64.getDecoder().decode(encryption.encrypt(new byte[] {1, 2, 3, 4}));
        sealed[sealed.length - 1] ^= 1;
        String altered = Base64.getEncoder().encodeToString(sealed);

        for (String bad : List.of(altered, "AAAA", "not base64!")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> encryption.decrypt(bad, encryption.kekId()));
            assertTrue(refused.getMessage().startsWith("GH-KEY-003"), refused.getMessage());
        }
    }

    @Test
    void aConfiguredKekIsUsedAndNoFileIsWritten(@TempDir Path data) {
        byte[] kek = randomKek();
        KeyEncryption configured = KeyEncryption.from(Optional.of(" " + Base64.getEncoder().encodeToString(kek) + "\n"),
                data);

        assertEquals(new KeyEncryption(kek).kekId(), configured.kekId());
        assertFalse(Files.exists(data.resolve(KeyEncryption.FILE_NAME)));
    }

    @Test
    void aMalformedConfiguredKekIsRefusedWithoutRepeatingIt(@TempDir Path data) {
        String notBase64 = "this-is-not-base64-at-all!";
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> KeyEncryption.from(Optional.of(notBase64), data));
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> KeyEncryption.from(Optional.of(tooShort), data));

        assertTrue(malformed.getMessage().startsWith("GH-KEY-006"), malformed.getMessage());
        assertFalse(malformed.getMessage().contains(notBase64));
        assertTrue(wrongLength.getMessage().startsWith("GH-KEY-006"), wrongLength.getMessage());
    }

    @Test
    void withoutConfigurationTheKekIsGeneratedOnceIntoAnOwnerOnlyFile(@TempDir Path data) throws Exception {
        Path directory = data.resolve("not-yet-there");

        KeyEncryption first = KeyEncryption.from(Optional.empty(), directory);
        KeyEncryption again = KeyEncryption.from(Optional.empty(), directory);

        Path file = directory.resolve(KeyEncryption.FILE_NAME);
        byte[] stored = Base64.getDecoder().decode(Files.readString(file).strip());
        assertEquals(32, stored.length);
        assertEquals(new KeyEncryption(stored).kekId(), first.kekId());
        assertEquals(first.kekId(), again.kekId(), "the second start reads the file");
        Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void instancesRacingToCreateTheFileAllGetTheWinnersKekAndItIsAnnouncedOnceWithoutTheKey(@TempDir Path data)
            throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(KeyEncryption.class.getName());
        logger.addHandler(capture);
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CyclicBarrier together = new CyclicBarrier(instances);
            List<Future<String>> kekIds = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                kekIds.add(pool.submit(() -> {
                    together.await();
                    return KeyEncryption.from(Optional.empty(), data).kekId();
                }));
            }
            String winner = kekIds.get(0).get();
            for (Future<String> kekId : kekIds) {
                assertEquals(winner, kekId.get());
            }
        } finally {
            pool.shutdownNow();
            logger.removeHandler(capture);
        }

        String kek = Files.readString(data.resolve(KeyEncryption.FILE_NAME)).strip();
        List<LogRecord> announced = logged.stream().filter(r -> r.getMessage().startsWith("GH-KEY-001")).toList();
        assertEquals(1, announced.size(), "one instance created the file and said so");
        assertTrue(announced.get(0).getMessage().contains("GATEHOUSE_KEYS_ENCRYPTION_KEY"));
        for (LogRecord record : logged) {
            assertFalse(record.getMessage().contains(kek));
            for (Object parameter : record.getParameters() == null ? new Object[0] : record.getParameters()) {
                assertFalse(String.valueOf(parameter).contains(kek), "never the key in a log line");
            }
        }
    }

    @Test
    void aDamagedKekFileIsNamedNotGuessed(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(KeyEncryption.FILE_NAME), Base64.getEncoder().encodeToString(new byte[48]));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KeyEncryption.from(Optional.empty(), data));

        assertTrue(refused.getMessage().startsWith("GH-KEY-006"), refused.getMessage());
        assertTrue(refused.getMessage().contains(KeyEncryption.FILE_NAME));
    }
}
