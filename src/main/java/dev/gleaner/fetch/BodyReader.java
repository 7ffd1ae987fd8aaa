package dev.gleaner.fetch;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
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
        Counted counted = new Counted(raw);
        try (InputStream in = decoded(counted, response.headers())) {
            return prefix < 0 ? BoundedRead.readAtMost(in, maxBytes) : in.readNBytes(prefix);
        } catch (BoundedRead.TooLargeException e) {
            throw new FetchException(url, "body larger than " + maxBytes + " bytes", e);
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchException(url, "timed out after " + timeout.toSeconds() + " s", e);
            }
            throw new FetchException(url, unreadable(e, counted.count, response.headers()), e);
        } finally {
            guard.cancel(false);
        }
    }

    /**
     * Why a body stopped short. java.net.http reports every broken body as just "closed" and keeps
     * what happened in the causes: the connection was reset, or ended before the announced length.
     */
    private static String unreadable(IOException e, long received, HttpHeaders headers) {
        OptionalLong announced = headers.firstValueAsLong("Content-Length");
        String progress = announced.isPresent()
                ? " after " + received + " of the " + announced.getAsLong() + " bytes in Content-Length"
                : " after " + received + " bytes of the body";
        String innermost = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IOException && message != null && message.toLowerCase(Locale.ROOT).contains("reset")) {
                return "connection reset" + progress;
            }
            if (t instanceof EOFException) {
                return "connection closed" + progress;
            }
            if (message != null && !message.isBlank()) {
                innermost = message;
            }
        }
        return "body could not be read: " + innermost;
    }

    private static InputStream decoded(InputStream raw, HttpHeaders headers) throws IOException {
        String encoding = headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    /** Counts the bytes that came off the connection, before any decompression. */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only frees the connection; nothing is lost if it fails
        }
    }
}
