package dev.gatehouse.keymanager.apis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Only literal addresses and localhost names: no test here asks DNS. */
class BackendAddressesTest {

    private static InetAddress address(String literal) {
        return BackendAddresses.literal(literal).orElseThrow(() -> new AssertionError("not a literal: " + literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1", "2130706433", "10.1.2.3", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "0", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1", "::ffff:169.254.169.254",
            "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "[::1]"})
    void nonPublicAddressesAreRefused(String literal) throws Exception {
        assertFalse(BackendAddresses.isPublic(address(literal)), literal);
        assertTrue(BackendAddresses.publicOnly().refusedAtConnect(literal).isPresent(), literal);
        URI url = URI.create("http://" + bracketed(literal) + "/x");
        // java.net.URI has no host for the short forms (127.1): such a URL is refused as malformed
        assertTrue(url.getHost() == null || BackendAddresses.publicOnly().refusedAtImport(url).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8", "2002:0808:0808::1"})
    void publicAddressesPass(String literal) {
        assertTrue(BackendAddresses.isPublic(address(literal)), literal);
    }

    @Test
    void theCloudMetadataServiceIsRefusedWhenImported() {
        assertEquals(Optional.of("169.254.169.254"), BackendAddresses.allowing("")
                .refusedAtImport(URI.create("http://169.254.169.254/latest/meta-data/")));
    }

    @Test
    void localhostNamesAreRefusedWhenImportedAndOtherNamesWaitForTheConnection() {
        BackendAddresses addresses = BackendAddresses.publicOnly();

        assertTrue(addresses.refusedAtImport(URI.create("http://localhost:8080/")).isPresent());
        assertTrue(addresses.refusedAtImport(URI.create("http://admin.LOCALHOST./")).isPresent());
        assertTrue(addresses.refusedAtImport(URI.create("https://backend.example/echo")).isEmpty());
    }

    @Test
    void theAllowListAddsHostsAddressesAndNetworks() throws Exception {
        BackendAddresses addresses = BackendAddresses.allowing(" 127.0.0.0/8, backend.corp ,10.1.2.3,fd00::/8");

        assertTrue(addresses.refusedAtConnect("127.0.0.2").isEmpty());
        assertTrue(addresses.refusedAtConnect("10.1.2.3").isEmpty());
        assertTrue(addresses.refusedAtConnect("[fd00::1]").isEmpty());
        assertTrue(addresses.refusedAtImport(URI.create("http://BACKEND.corp/")).isEmpty());
        assertEquals(Optional.of(address("10.1.2.4")), addresses.refusedAtConnect("10.1.2.4"));
        assertEquals(Optional.of(address("169.254.169.254")), addresses.refusedAtConnect("169.254.169.254"));
        assertTrue(addresses.refusedAtImport(URI.create("http://localhost/")).isPresent());
    }

    @Test
    void theConnectionCheckResolvesNames() throws Exception {
        // localhost resolves from the hosts file, without DNS
        assertTrue(BackendAddresses.publicOnly().refusedAtConnect("localhost").isPresent());
        assertTrue(BackendAddresses.allowing("127.0.0.0/8,::1").refusedAtConnect("localhost").isEmpty());
        assertTrue(BackendAddresses.allowing("localhost").refusedAtConnect("localhost").isEmpty());
    }

    @Test
    void aMistypedEntryIsRefusedWithItsName() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> BackendAddresses.allowing("127.0.0.0/33"));
        assertTrue(bad.getMessage().contains("127.0.0.0/33"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackendAddresses.allowing("http://backend/"));
    }

    private static String bracketed(String literal) {
        return literal.contains(":") && !literal.startsWith("[") ? "[" + literal + "]" : literal;
    }
}
