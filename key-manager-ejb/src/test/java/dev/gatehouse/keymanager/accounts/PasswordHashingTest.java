package dev.gatehouse.keymanager.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void aHashMatchesOnlyItsPassword() {
        String hash = PasswordHashing.hash("correct horse battery staple");

        assertTrue(PasswordHashing.matches("correct horse battery staple", hash));
        assertFalse(PasswordHashing.matches("correct horse battery stapl", hash));
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:" + PasswordHashing.ITERATIONS + ":"));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(PasswordHashing.hash("same password"), PasswordHashing.hash("same password"));
    }

    @Test
    void foreignOrBrokenHashesNeverMatch() {
        assertFalse(PasswordHashing.matches("x", "plain"));
        assertFalse(PasswordHashing.matches("x", "MD5:1:AAAA:AAAA"));
    }
}
