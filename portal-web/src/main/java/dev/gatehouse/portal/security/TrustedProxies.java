package dev.gatehouse.portal.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-Proto} the portal believes ({@value #CONFIG_KEY}: comma-separated
 * addresses and CIDR networks, default none). From anyone else the header is ignored: a client could send it itself.
 */
final class TrustedProxies {

    static final String CONFIG_KEY = "gatehouse.http.trusted-proxies";

    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** @throws IllegalArgumentException naming an entry that is not an address or a CIDR network */
    static TrustedProxies parse(String list) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            try {
                // literal addresses only: a host name here would be looked up in DNS
                if (!address.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?")) {
                    throw new UnknownHostException(address);
                }
                byte[] prefix = InetAddress.getByName(address.contains(":") && !address.startsWith("[")
                        ? "[" + address + "]" : address).getAddress();
                int bits = slash < 0 ? prefix.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > prefix.length * 8) {
                    throw new NumberFormatException();
                }
                networks.add(new Network(prefix, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(CONFIG_KEY + ": '" + text
                        + "' is not an IP address or a CIDR network.");
            }
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    /** The peer's address, as the servlet container gives it, is one of the trusted proxies. */
    boolean trusts(String remoteAddress) {
        if (networks.isEmpty() || remoteAddress == null
                || !(remoteAddress.matches("[0-9.]+") || remoteAddress.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%\\w]*"))) {
            return false;
        }
        try {
            String literal = remoteAddress.contains(":") ? "[" + remoteAddress.replaceAll("%.*$", "") + "]"
                    : remoteAddress;
            byte[] address = InetAddress.getByName(literal).getAddress();
            return networks.stream().anyMatch(network -> network.contains(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
