package dev.gleaner.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Reads a response body within the fetch's deadline and size bound, decompressing it on the way. */
final class BodyReader {
    private final ScheduledExecutorService deadlines;
    private final long maxBytes;
    private final Duration timeout;

    BodyReader(ScheduledExecutorService deadlines, long maxBytes, Duration timeout) {
        this.deadlines = deadlines;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** The whole body; more than {@code maxBytes} after decompression is a failure. */
    byte[] readAll(String url, HttpResponse<InputStream> response, long deadline) throws FetchException {
        return read(url, response, deadline, -1);
    }

    /** The first {@code limit} bytes of the body after decompression; the rest is not read. */
    byte[] readPrefix(String url, HttpResponse<InputStream> response, long deadline, int limit) throws FetchException {
        return read(url, response, deadline, limit);
    }

    private byte[] read(String url, HttpResponse<InputStream> response, long deadline, int prefix)
            throws FetchException {
        InputStream raw = response.body();
        // A body that trickles in would block a plain read forever; closing the stream at the
        // deadline ends the read with an exception instead.
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> guard = deadlines.schedule(() -> {
            expired.set(true);
            closeQuietly(raw);
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream in = decoded(raw, response.headers())) {
            return prefix < 0 ? BoundedRead.readAtMost(in, maxBytes) : in.readNBytes(prefix);
        } catch (BoundedRead.TooLargeException e) {
            throw new FetchException(url, "body larger than " + maxBytes + " bytes", e);
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchException(url, "timed out after " + timeout.toSeconds() + " s", e);
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

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only frees the connection; nothing is lost if it fails
        }
    }
}
