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
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;

/** Fetches {@code http(s):} URLs with conditional GET, following redirects by hand to bound them. */
final class HttpFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private final HttpClient client;
    private final FetchSettings settings;
    private final ScheduledExecutorService deadlines;

    HttpFetcher(FetchSettings settings, ScheduledExecutorService deadlines) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    FetchOutcome fetch(String url, Validators validators) throws FetchException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = parse(url);
        Set<URI> visited = new HashSet<>();
        for (int redirects = 0; ; redirects++) {
            if (!visited.add(current)) {
                throw new FetchException(url, "redirect loop at " + current);
            }
            HttpResponse<InputStream> response = send(url, request(current, validators, deadline));
            int status = response.statusCode();
            if (isRedirect(status)) {
                closeQuietly(response.body());
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FetchException(url, "HTTP " + status + " redirect without a Location");
                }
                if (redirects >= settings.maxRedirects()) {
                    throw new FetchException(url, "more than " + settings.maxRedirects() + " redirects");
                }
                current = resolve(url, current, location.get());
                continue;
            }
            String source = current.toString();
            if (status == 304) {
                closeQuietly(response.body());
                return new FetchOutcome.NotModified(source, validatorsOf(response.headers()).or(validators));
            }
            if (status < 200 || status > 299) {
                closeQuietly(response.body());
                throw new FetchException(url, "HTTP " + status + reasonPhrase(status));
            }
            byte[] body = readBody(url, response, deadline);
            return new FetchOutcome.Fetched(source, body, charsetOf(response.headers()), validatorsOf(response.headers()));
        }
    }

    private HttpRequest request(URI uri, Validators validators, long deadline) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(remaining(deadline))
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        validators.etag().ifPresent(etag -> builder.header("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> builder.header("If-Modified-Since", date));
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

    private byte[] readBody(String url, HttpResponse<InputStream> response, long deadline) throws FetchException {
        InputStream raw = response.body();
        // A body that trickles in would block a plain read forever; closing the stream at the
        // deadline ends the read with an exception instead.
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> guard = deadlines.schedule(() -> {
            expired.set(true);
            closeQuietly(raw);
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream in = decoded(raw, response.headers())) {
            return BoundedRead.readAtMost(in, settings.maxBytes());
        } catch (BoundedRead.TooLargeException e) {
            throw new FetchException(url, "body larger than " + settings.maxBytes() + " bytes", e);
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchException(url, "timed out after " + settings.timeout().toSeconds() + " s", e);
            }
            throw new FetchException(url, "body could not be read: " + e.getMessage(), e);
        } finally {
            guard.cancel(false);
        }
    }

    private static InputStream decoded(InputStream raw, HttpHeaders headers) throws IOException {
        String encoding = headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private java.time.Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return java.time.Duration.ofNanos(Math.max(nanos, 1_000_000));
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only frees the connection; nothing is lost if it fails
        }
    }
}
