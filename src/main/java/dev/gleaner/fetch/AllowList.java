package dev.gleaner.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts and addresses that may be fetched although they lie inside a network: host names
 * ({@code nas.lan}, or {@code *.lan} for every name below {@code lan}), IP addresses
 * ({@code 192.168.1.20}, {@code ::1}) and CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}).
 */
final class AllowList {
    private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?"
            + "(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    private final List<String> names;
    private final List<String> suffixes;
    private final List<CidrBlock> blocks;

    private AllowList(List<String> names, List<String> suffixes, List<CidrBlock> blocks) {
        this.names = List.copyOf(names);
        this.suffixes = List.copyOf(suffixes);
        this.blocks = List.copyOf(blocks);
    }

    /**
     * The list these entries spell.
     *
     * @throws IllegalArgumentException naming the first entry that is no host name, address or block
     */
    static AllowList of(List<String> entries) {
        List<String> names = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<CidrBlock> blocks = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            Optional<InetAddress> address = IpLiteral.parse(text);
            if (address.isPresent()) {
                blocks.add(CidrBlock.single(address.get()));
                continue;
            }
            if (text.indexOf('/') >= 0) {
                blocks.add(CidrBlock.parse(text).orElseThrow(() -> notAnEntry(entry)));
                continue;
            }
            String name = normalName(text);
            if (!HOST_NAME.matcher(name).matches()) {
                throw notAnEntry(entry);
            }
            if (name.startsWith("*.")) {
                suffixes.add(name.substring(1));
            } else {
                names.add(name);
            }
        }
        return new AllowList(names, suffixes, blocks);
    }

    /** Whether the host name {@code host} is allowed, whatever it resolves to. */
    boolean allowsName(String host) {
        String name = normalName(host);
        return names.contains(name) || suffixes.stream().anyMatch(name::endsWith);
    }

    /** Whether {@code address} is allowed, whatever name led to it. */
    boolean allowsAddress(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    /** A host name in the form the list keeps: lower case, without a final dot. */
    static String normalName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static IllegalArgumentException notAnEntry(String entry) {
        return new IllegalArgumentException("'" + entry + "' is not a host name, an IP address or a CIDR block");
    }
}
