package dev.gleaner.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into the addresses it stands for, so that the fetcher can check every one of
 * them before it connects.
 *
 * <p>The fetcher resolves names itself, rather than leaving it to the HTTP client, so that the
 * address it checked is the address it connects to. Tests inject a resolver to make a name stand
 * for any address they like.
 */
@FunctionalInterface
public interface HostResolver {
    /** The system's resolver: {@link InetAddress#getAllByName(String)}. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /**
     * All addresses of {@code host}, a name without brackets or trailing dot.
     *
     * @throws UnknownHostException when the name has no address
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
