package dev.gleaner.fetch;

import java.net.InetAddress;
import java.util.Optional;

/** A block of addresses written as {@code 192.168.1.0/24} or {@code fd00::/8}. */
final class CidrBlock {
    private final byte[] network;
    private final int prefix;

    private CidrBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The block that holds {@code address} alone. */
    static CidrBlock single(InetAddress address) {
        byte[] bytes = address.getAddress();
        return new CidrBlock(bytes, bytes.length * 8);
    }

    /**
     * The block {@code text} spells, or empty when it is not {@code ADDRESS/PREFIX}.
     *
     * @throws IllegalArgumentException when the prefix is longer than the address
     */
    static Optional<CidrBlock> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> address = IpLiteral.parse(text.substring(0, slash));
        String digits = text.substring(slash + 1);
        if (address.isEmpty() || digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int prefix = Integer.parseInt(digits);
        if (prefix > bytes.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix longer than its address");
        }
        return Optional.of(new CidrBlock(bytes, prefix));
    }

    /** Whether {@code address} lies in this block; IPv4 and IPv6 blocks never hold each other's. */
    boolean contains(InetAddress address) {
        byte[] bytes = unmapped(address.getAddress());
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 one, so that IPv4 blocks hold it too. */
    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16 || (bytes[10] & 0xFF) != 0xFF || (bytes[11] & 0xFF) != 0xFF) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }
}
