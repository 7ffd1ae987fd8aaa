package dev.gleaner.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to fetch from loopback, private and other internal addresses unless they are allowed,
 * and says where to connect so that the address checked is the address reached.
 *
 * <p>A name is resolved here, and unless the name itself is allowed, refused if <em>any</em> of its addresses is internal and not
 * allowed: a name with one public and one internal address would otherwise reach the inside on
 * some attempts. For {@code http:} the request then goes to the checked address itself (the URI
 * names the IP, the {@code Host} header the name), so a DNS answer that changes between the check
 * and the connection (DNS rebinding) cannot lead inside. For {@code https:} the connection keeps
 * the name, because the server's certificate is checked against it; there, rebinding is harmless:
 * an internal server reached through a rebound name cannot show a certificate for that name, so
 * the TLS handshake fails before a request is sent.
 */
final class AddressGuard {
    private static final String HINT = " (allow it with fetch.allow)";

    private final AllowList allowed;
    private final HostResolver resolver;
    private final boolean pinHttp;

    /**
     * @param pinHttp whether {@code http:} requests go to the checked address; only false where the
     *     HTTP client refuses to let the {@code Host} header be set
     */
    AddressGuard(AllowList allowed, HostResolver resolver, boolean pinHttp) {
        this.allowed = allowed;
        this.resolver = resolver;
        this.pinHttp = pinHttp;
    }

    /**
     * Where a request for {@code uri} is to be sent.
     *
     * @param connect the URI to hand the HTTP client: {@code uri} itself, or {@code uri} with its
     *     host replaced by the checked address
     * @param hostHeader the {@code Host} header to send when {@code connect} names an address
     */
    record Destination(URI connect, Optional<String> hostHeader) {
    }

    /**
     * Checks the host of {@code uri} and says where to connect.
     *
     * @param url the URL the fetch was asked for, for the failure
     * @throws FetchException when the host is internal and not allowed, or has no address
     */
    Destination check(String url, URI uri) throws FetchException {
        String host = uri.getHost();
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            String text = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            Optional<String> kind = refusedKind(literal.get());
            if (kind.isPresent()) {
                throw new FetchException(url, "refused: " + text + " is " + kind.get() + HINT);
            }
            return new Destination(uri, Optional.empty());
        }
        InetAddress[] addresses = resolve(url, AllowList.normalName(host));
        boolean nameAllowed = allowed.allowsName(host);
        for (InetAddress address : addresses) {
            Optional<String> kind = nameAllowed ? Optional.empty() : refusedKind(address);
            if (kind.isPresent()) {
                throw new FetchException(url, "refused: " + host + " resolves to " + IpLiteral.text(address) + ", "
                        + kind.get() + HINT);
            }
        }
        if (!pinHttp || !"http".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return new Destination(uri, Optional.empty());
        }
        return pinned(url, uri, addresses[0]);
    }

    private Optional<String> refusedKind(InetAddress address) {
        return allowed.allowsAddress(address) ? Optional.empty() : InternalAddresses.kindOf(address);
    }

    private InetAddress[] resolve(String url, String host) throws FetchException {
        try {
            InetAddress[] addresses = resolver.resolve(host);
            if (addresses == null || addresses.length == 0) {
                throw new FetchException(url, "unknown host " + host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new FetchException(url, "unknown host " + host, e);
        }
    }

    private static Destination pinned(String url, URI uri, InetAddress address) throws FetchException {
        String literal = address instanceof Inet6Address ? "[" + IpLiteral.text(address) + "]" : IpLiteral.text(address);
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(literal).append(port);
        text.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        try {
            return new Destination(new URI(text.toString()), Optional.of(uri.getHost() + port));
        } catch (URISyntaxException e) {
            throw new FetchException(url, "not a valid URL: " + e.getReason(), e);
        }
    }
}
