package dev.gleaner.fetch;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Tells which addresses lead inside a network rather than out to the internet: loopback, private,
 * link-local, unique-local, shared (CGNAT), unspecified, multicast and reserved ones.
 *
 * <p>IPv6 forms that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}) are judged by the IPv4
 * address they carry, since that is where a packet to them may end up.
 */
final class InternalAddresses {
    private InternalAddresses() {
    }

    /** What kind of internal address this is, as "a loopback address", or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? kindOfV4(bytes, 0) : kindOfV6(bytes);
    }

    private static Optional<String> kindOfV4(byte[] b, int at) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 10 || (first == 172 && (second & 0xF0) == 16) || (first == 192 && second == 168)) {
            return Optional.of("a private address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address");
        }
        if (first == 100 && (second & 0xC0) == 64) {
            return Optional.of("a shared (CGNAT) address");
        }
        if ((first & 0xF0) == 224) {
            return Optional.of("a multicast address");
        }
        if ((first & 0xF0) == 240) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> kindOfV6(byte[] b) {
        if (zeros(b, 0, 15)) {
            int last = b[15] & 0xFF;
            if (last == 0) {
                return Optional.of("an unspecified address");
            }
            if (last == 1) {
                return Optional.of("a loopback address");
            }
        }
        if (zeros(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return kindOfV4(b, 12);
        }
        if (zeros(b, 0, 12)) {
            return kindOfV4(b, 12);
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && zeros(b, 4, 12)) {
            return kindOfV4(b, 12);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return kindOfV4(b, 2);
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return Optional.of("a site-local address");
        }
        if ((first & 0xFE) == 0xFC) {
            return Optional.of("a unique-local address");
        }
        if (first == 0xFF) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
