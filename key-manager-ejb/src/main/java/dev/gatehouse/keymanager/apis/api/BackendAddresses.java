package dev.gatehouse.keymanager.apis.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which backends the gateway may reach. Without it, an API's backend URL could name the server itself, the cloud's
 * metadata service (169.254.169.254) or any host of the internal network, and the gateway would relay the answer.
 * Every address that is not public (loopback, link-local, private, carrier-grade NAT, unspecified, multicast,
 * reserved, and IPv6 forms embedding such an IPv4 address) is refused unless the operator lists it, or the host
 * name, in {@value #CONFIG_KEY}: comma-separated host names, addresses and CIDR networks.
 *
 * <p>Checked twice: when an API is imported or changed ({@link #refusedAtImport}, literal addresses and
 * {@code localhost} names only, with no DNS lookup), and by the gateway before each connection
 * ({@link #refusedAtConnect}, every address the name resolves to then).
 */
public final class BackendAddresses {

    public static final String CONFIG_KEY = "gatehouse.gateway.allowed-backends";

    private static final List<Network> NOT_PUBLIC = List.of(
            Network.parse("0.0.0.0/8"),        // "this network", 0.0.0.0 included
            Network.parse("10.0.0.0/8"),
            Network.parse("100.64.0.0/10"),    // carrier-grade NAT
            Network.parse("127.0.0.0/8"),
            Network.parse("169.254.0.0/16"),   // link-local, cloud metadata services
            Network.parse("172.16.0.0/12"),
            Network.parse("192.0.0.0/24"),     // IETF protocol assignments
            Network.parse("192.168.0.0/16"),
            Network.parse("198.18.0.0/15"),    // benchmarking
            Network.parse("224.0.0.0/4"),      // multicast
            Network.parse("240.0.0.0/4"),      // reserved, broadcast included
            Network.parse("::/128"),
            Network.parse("::1/128"),
            Network.parse("fc00::/7"),         // unique local
            Network.parse("fe80::/10"),        // link-local
            Network.parse("fec0::/10"),        // deprecated site-local
            Network.parse("ff00::/8"));        // multicast

    private final Set<String> hosts;
    private final List<Network> networks;

    private BackendAddresses(Set<String> hosts, List<Network> networks) {
        this.hosts = hosts;
        this.networks = networks;
    }

    /** Nothing but public addresses. */
    public static BackendAddresses publicOnly() {
        return new BackendAddresses(Set.of(), List.of());
    }

    /**
     * Public addresses and what the list allows besides: host names (matched as written in the URL), addresses and
     * CIDR networks, comma-separated. Blank allows nothing more.
     *
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public static BackendAddresses allowing(String allowList) {
        if (allowList == null || allowList.isBlank()) {
            return publicOnly();
        }
        List<String> entries = List.of(allowList.split(",")).stream().map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList();
        List<Network> networks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : entries) {
            if (entry.contains("/") || literal(entry).isPresent()) {
                networks.add(Network.parse(entry));
            } else if (entry.matches("[A-Za-z0-9._-]+")) {
                hosts.add(entry.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException(CONFIG_KEY + ": '" + entry
                        + "' is neither a host name, an address nor a CIDR network.");
            }
        }
        return new BackendAddresses(Set.copyOf(hosts), List.copyOf(networks));
    }

    /**
     * What is wrong with a backend URL's host as written, without asking DNS: a non-public literal address or a
     * {@code localhost} name that the allow-list does not name. Host names are checked when the gateway connects.
     */
    public Optional<String> refusedAtImport(URI url) {
        String host = host(url.getHost());
        if (hosts.contains(host)) {
            return Optional.empty();
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return Optional.of(host); // RFC 6761: always loopback
        }
        return literal(host).filter(address -> !allowed(address)).map(InetAddress::getHostAddress);
    }

    /**
     * Resolves the host as the gateway's HTTP client will when it connects, and returns the first address it may
     * not reach. The JVM caches the answer (30 s by default), so the client's own lookup right after sees the same
     * addresses.
     *
     * @throws UnknownHostException the name does not resolve
     */
    public Optional<InetAddress> refusedAtConnect(String urlHost) throws UnknownHostException {
        String host = host(urlHost);
        if (hosts.contains(host)) {
            return Optional.empty();
        }
        Optional<InetAddress> literal = literal(host);
        InetAddress[] addresses = literal.isPresent() ? new InetAddress[] {literal.get()}
                : InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    /** Public, or listed by the operator. */
    boolean allowed(InetAddress address) {
        return isPublic(address) || networks.stream().anyMatch(network -> network.contains(address));
    }

    /** Not loopback, link-local, private, unspecified, multicast or reserved, nor IPv6 embedding such an address. */
    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            Optional<byte[]> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return isPublic(Network.address(embedded.get()));
            }
        }
        return NOT_PUBLIC.stream().noneMatch(network -> network.contains(address));
    }

    /**
     * IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses
     * reach an IPv4 address; they are judged by it.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] v6) {
        boolean zeroTen = true;
        for (int i = 0; i < 10; i++) {
            zeroTen &= v6[i] == 0;
        }
        boolean mapped = zeroTen && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeroTen && v6[10] == 0 && v6[11] == 0
                && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1)); // not :: or ::1
        boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = v6[i] == 0;
        }
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {v6[12], v6[13], v6[14], v6[15]});
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Optional.of(new byte[] {v6[2], v6[3], v6[4], v6[5]});
        }
        return Optional.empty();
    }

    private static String host(String urlHost) {
        String host = urlHost == null ? "" : urlHost.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * The address a host names literally, as the JDK reads it (IPv6 in brackets or not; IPv4 as one to four decimal
     * parts, so "127.1" and "2130706433" are loopback too), without a DNS lookup.
     */
    static Optional<InetAddress> literal(String host) {
        String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (text.contains(":")) {
            try {
                // in brackets the JDK only parses, never asks DNS
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        if (!text.matches("[0-9]+(\\.[0-9]+){0,3}")) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.");
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() > 10) {
                return Optional.empty();
            }
            long part = Long.parseLong(parts[i]);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (part > max) {
                return Optional.empty();
            }
            value = last ? value << (8 * (4 - i)) | part : value << 8 | part;
        }
        return Optional.of(Network.address(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16),
                (byte) (value >>> 8), (byte) value}));
    }

    @Override
    public String toString() {
        return String.join(", ", hosts) + (hosts.isEmpty() || networks.isEmpty() ? "" : ", ")
                + networks.stream().map(Network::toString).collect(Collectors.joining(", "));
    }

    /** An address prefix: 10.0.0.0/8, fe80::/10, or one address. */
    private record Network(byte[] prefix, int bits, String text) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String addressText = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = literal(addressText).orElseThrow(() -> new IllegalArgumentException(
                    CONFIG_KEY + ": '" + cidr + "' is not an address or CIDR network."));
            byte[] prefix = address.getAddress();
            int bits;
            try {
                bits = slash < 0 ? prefix.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException(CONFIG_KEY + ": '" + cidr + "' has an invalid prefix length.");
            }
            return new Network(prefix, bits, cidr);
        }

        static InetAddress address(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
