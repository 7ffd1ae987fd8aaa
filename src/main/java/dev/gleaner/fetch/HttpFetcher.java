package dev.gleaner.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code http(s):} URLs with conditional GET, following redirects by hand to bound them and
 * to check every address they lead to.
 */
final class HttpFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    private static final byte[] NO_BODY = new byte[0];

    /**
     * Whether requests may carry their own {@code Host} header, which {@link AddressGuard} needs to
     * send an {@code http:} request to the address it checked while naming the host.
     */
    static final boolean CAN_SET_HOST;

    static {
        // java.net.http refuses a Host header unless the system property
        // jdk.httpclient.allowRestrictedHeaders names it, and reads that property only once, when
        // its implementation classes load. So it is set here, in this class's static initializer,
        // which runs before this class builds its first client. If other code used java.net.http
        // earlier in this JVM, the setting comes too late: requests then connect by name after the
        // check (the JVM's address cache, 30 s by default, usually hands the client the address
        // just checked, but does not promise it), and a warning says so.
        CAN_SET_HOST = allowHostHeader();
    }

    private final HttpClient client;
    private final FetchSettings settings;
    private final AddressGuard guard;
    private final BodyReader bodies;
    private final InstantSource clock;

    HttpFetcher(FetchSettings settings, AddressGuard guard, BodyReader bodies, InstantSource clock) {
        this.settings = settings;
        this.guard = guard;
        this.bodies = bodies;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Fetches {@code url}, sending back {@code validators}. */
    FetchOutcome fetch(String url, Validators validators) throws FetchException {
        return outcome(url, exchange(url, validators, 0), validators);
    }

    /**
     * Follows {@code url} to its final answer.
     *
     * @param errorBodyLimit how much of an error's body to keep; 0 to keep none
     */
    HttpAnswer exchange(String url, Validators validators, int errorBodyLimit) throws FetchException {
        return exchange(url, validators, errorBodyLimit, UnaryOperator.identity());
    }

    /**
     * Follows {@code url} to its final answer, passing each redirect's target through {@code onRedirect}
     * first (an RSSHub instance puts its access key back on).
     *
     * @param errorBodyLimit how much of an error's body to keep; 0 to keep none
     */
    HttpAnswer exchange(String url, Validators validators, int errorBodyLimit, UnaryOperator<String> onRedirect)
            throws FetchException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = parse(url);
        Set<URI> visited = new HashSet<>();
        for (int redirects = 0; ; redirects++) {
            if (!visited.add(current)) {
                throw new FetchException(url, "redirect loop at " + current);
            }
            AddressGuard.Destination destination = guard.check(url, current);
            HttpResponse<InputStream> response = send(url, request(destination, validators, deadline));
            int status = response.statusCode();
            if (isRedirect(status)) {
                BodyReader.closeQuietly(response.body());
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FetchException(url, "HTTP " + status + " redirect without a Location");
                }
                if (redirects >= settings.maxRedirects()) {
                    throw new FetchException(url, "more than " + settings.maxRedirects() + " redirects");
                }
                current = resolve(url, current, location.get());
                String rewritten = onRedirect.apply(current.toString());
                if (!rewritten.equals(current.toString())) {
                    current = resolve(url, current, rewritten);
                }
                continue;
            }
            byte[] body;
            if (status >= 200 && status <= 299) {
                body = bodies.readAll(url, response, deadline);
            } else if (status != 304 && errorBodyLimit > 0) {
                body = errorBody(url, response, deadline, errorBodyLimit);
            } else {
                BodyReader.closeQuietly(response.body());
                body = NO_BODY;
            }
            return new HttpAnswer(current, status, response.headers(), body);
        }
    }

    /** The start of an error's body, or none if it cannot be read: the status says enough then. */
    private byte[] errorBody(String url, HttpResponse<InputStream> response, long deadline, int limit) {
        try {
            return bodies.readPrefix(url, response, deadline, limit);
        } catch (FetchException e) {
            return NO_BODY;
        }
    }

    /** What {@code answer} means: a body, word that nothing changed, or a failure that says why. */
    FetchOutcome outcome(String url, HttpAnswer answer, Validators sent) throws FetchException {
        String source = answer.source().toString();
        HttpHeaders headers = answer.headers();
        Optional<Duration> freshFor = CacheHints.freshFor(headers, clock.instant());
        if (answer.status() == 304) {
            return new FetchOutcome.NotModified(source, validatorsOf(headers).or(sent), freshFor, Optional.empty(), true);
        }
        if (answer.isSuccess()) {
            return new FetchOutcome.Fetched(source, answer.body(), charsetOf(headers),
                    validatorsOf(headers).askedAs(sent),
                    BodyHash.of(answer.body()), freshFor, Optional.empty());
        }
        throw refusal(url, answer, "HTTP " + answer.status() + reasonPhrase(answer.status()));
    }

    /**
     * The failure for a server's refusal, with {@code reason} and the hints of its headers: the
     * status, {@code Retry-After} on a 429 or 503 (named in the reason too), and 410 as permanent.
     */
    FetchException refusal(String url, HttpAnswer answer, String reason) {
        int status = answer.status();
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? CacheHints.retryAfter(answer.headers(), clock.instant())
                : Optional.empty();
        String full = retryAfter.map(wait -> reason + " (retry after " + human(wait) + ")").orElse(reason);
        return FetchException.ofStatus(url, full, status, retryAfter);
    }

    private HttpRequest request(AddressGuard.Destination destination, Validators validators, long deadline) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(destination.connect())
                .GET()
                .timeout(remaining(deadline))
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        destination.hostHeader().ifPresent(host -> builder.header("Host", host));
        validators.ifNoneMatch().ifPresent(etag -> builder.header("If-None-Match", etag));
        validators.ifModifiedSince().ifPresent(date -> builder.header("If-Modified-Since", date));
        return builder.build();
    }

    private HttpResponse<InputStream> send(String url, HttpRequest request) throws FetchException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException(url, "timed out after " + settings.timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted", e);
        } catch (IOException e) {
            throw new FetchException(url, describe(e, request.uri()), e);
        }
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = UriText.parse(url);
            if (uri.getHost() == null) {
                throw new FetchException(url, "no host in URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException(url, "not a valid URL: " + e.getReason(), e);
        }
    }

    private static URI resolve(String url, URI current, String location) throws FetchException {
        try {
            URI next = current.resolve(UriText.parseHeader(location.strip()));
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(url, "redirect to a non-HTTP URL: " + location);
            }
            if (next.getHost() == null) {
                throw new FetchException(url, "redirect to a URL without a host: " + location);
            }
            return next;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(url, "redirect to an invalid URL: " + location, e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Validators validatorsOf(HttpHeaders headers) {
        return Validators.of(headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null));
    }

    static Optional<String> charsetOf(HttpHeaders headers) {
        return headers.firstValue("Content-Type").flatMap(HttpFetcher::charsetParameter);
    }

    static Optional<String> charsetParameter(String contentType) {
        for (String part : contentType.split(";")) {
            String param = part.strip();
            if (param.regionMatches(true, 0, "charset=", 0, 8)) {
                String value = param.substring(8).strip().replace("\"", "").replace("'", "");
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException e, URI uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            if (t instanceof HttpTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static String human(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 2 * 3600 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    private static boolean allowHostHeader() {
        String name = "jdk.httpclient.allowRestrictedHeaders";
        String current = System.getProperty(name, "");
        if (Arrays.stream(current.split(",")).noneMatch(header -> header.strip().equalsIgnoreCase("host"))) {
            System.setProperty(name, current.isBlank() ? "host" : current + ",host");
        }
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "gleaner.invalid");
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("java.net.http was in use before the fetcher: http: requests connect by name after the address "
                    + "check (start Java with -D{}=host to close the gap)", name);
            return false;
        }
    }
}
