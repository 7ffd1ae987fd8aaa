package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gleaner.fetch.FaultServer.Answer;
import dev.gleaner.fetch.FaultServer.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/** The ways a {@link FaultServer} answers: a feed, an error status, and the faults of real servers and networks. */
public final class FaultAnswers {
    private static final String RSS = "application/rss+xml; charset=utf-8";

    private FaultAnswers() {
    }

    /** {@code 200 OK} with this feed. */
    public static Answer feed(String xml) {
        byte[] body = xml.getBytes(UTF_8);
        return exchange -> {
            exchange.head(200, "Content-Type: " + RSS, "Content-Length: " + body.length);
            exchange.out().write(body);
        };
    }

    /** This status with an empty body and these header lines ({@code Retry-After: 30}). */
    public static Answer status(int status, String... headerLines) {
        return exchange -> {
            String[] lines = Arrays.copyOf(headerLines, headerLines.length + 1);
            lines[headerLines.length] = "Content-Length: 0";
            exchange.head(status, lines);
        };
    }

    /** {@code PATH} redirects to {@code PATH/again}, which redirects back to {@code PATH}. */
    public static Answer redirectLoop() {
        return exchange -> {
            String path = exchange.path();
            String next = path.endsWith("/again") ? path.substring(0, path.lastIndexOf("/again")) : path + "/again";
            exchange.head(302, "Location: " + next, "Content-Length: 0");
        };
    }

    /**
     * Announces {@code declared} bytes, sends {@code start}, then resets the connection (a TCP RST,
     * as a crashing server or a middlebox sends).
     */
    public static Answer resetMidBody(String start, int declared) {
        byte[] body = start.getBytes(UTF_8);
        return exchange -> {
            exchange.head(200, "Content-Type: " + RSS, "Content-Length: " + declared);
            exchange.out().write(body);
            exchange.out().flush();
            // a reset discards what the client has not read yet; the test counts on those bytes
            pause(Duration.ofMillis(200));
            exchange.socket().setSoLinger(true, 0);
            exchange.socket().close();
        };
    }

    /** Announces {@code declared} bytes, sends all of {@code body} (fewer), then ends the connection cleanly. */
    public static Answer shortBody(String body, int declared) {
        byte[] bytes = body.getBytes(UTF_8);
        if (declared <= bytes.length) {
            throw new IllegalArgumentException("the declared length must exceed the body");
        }
        return exchange -> {
            exchange.head(200, "Content-Type: " + RSS, "Content-Length: " + declared);
            exchange.out().write(bytes);
        };
    }

    /** Sends {@code body} with its true length, one byte every {@code gap}. */
    public static Answer drip(String body, Duration gap) {
        byte[] bytes = body.getBytes(UTF_8);
        return exchange -> {
            exchange.head(200, "Content-Type: " + RSS, "Content-Length: " + bytes.length);
            exchange.out().flush();
            for (byte b : bytes) {
                exchange.out().write(b);
                exchange.out().flush();
                pause(gap);
            }
        };
    }

    /** A feed that never ends: items, chunk after chunk, as fast as the client reads them. */
    public static Answer endlessBody() {
        byte[] start = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>endless</title><link>https://example.org/</link>\n").getBytes(UTF_8);
        return exchange -> {
            exchange.head(200, "Content-Type: " + RSS, "Transfer-Encoding: chunked");
            OutputStream body = new FaultServer.Chunked(exchange.out());
            body.write(start);
            StringBuilder batch = new StringBuilder();
            for (long n = 0; ; n++) {
                batch.append("<item><title>item ").append(n).append("</title><link>https://example.org/").append(n)
                        .append("</link></item>\n");
                if (batch.length() >= 8192) {
                    body.write(batch.toString().getBytes(UTF_8));
                    batch.setLength(0);
                }
            }
        };
    }

    /**
     * A well-formed RSS document of exactly {@code size} bytes with its true {@code Content-Length},
     * made item by item as it is sent, so that no more of it exists at once than one item.
     */
    public static LargeDocument largeDocument(long size) {
        return new LargeDocument(size);
    }

    /**
     * A body compressed with gzip that inflates to {@code inflatedSize} bytes of a well-formed
     * feed's start and one enormous description, compressed as it is sent.
     */
    public static GzipBomb gzipBomb(long inflatedSize) {
        return new GzipBomb(inflatedSize);
    }

    /** See {@link #largeDocument(long)}; counts how much of the document was sent. */
    public static final class LargeDocument implements Answer {
        private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>large</title><link>https://example.org/</link><description>large</description>\n";
        private static final String TAIL = "</channel></rss>\n";
        private static final String FILLER = "x".repeat(900);

        private final long size;
        private final AtomicLong bodyBytesSent = new AtomicLong();

        LargeDocument(long size) {
            this.size = size;
            if (size < HEAD.length() + TAIL.length() + item(0).length()) {
                throw new IllegalArgumentException("too small for one item");
            }
        }

        /** How many bytes of the body reached the socket. */
        public long bodyBytesSent() {
            return bodyBytesSent.get();
        }

        public long size() {
            return size;
        }

        /** How many items the whole document holds. */
        public long itemCount() {
            return (size - HEAD.length() - TAIL.length()) / item(0).length();
        }

        private static String item(long n) {
            String number = String.format("%012d", n);
            return "<item><title>item " + number + "</title><link>https://example.org/items/" + number
                    + "</link><guid>https://example.org/items/" + number + "</guid><description>" + FILLER
                    + "</description></item>\n";
        }

        @Override
        public void write(Exchange exchange) throws IOException {
            exchange.socket().setSendBufferSize(64 * 1024);
            exchange.head(200, "Content-Type: " + RSS, "Content-Length: " + size);
            long items = itemCount();
            long padding = size - HEAD.length() - TAIL.length() - items * item(0).length();
            send(exchange.out(), HEAD);
            for (long n = 0; n < items; n++) {
                send(exchange.out(), item(n));
            }
            send(exchange.out(), "\n".repeat((int) padding));
            send(exchange.out(), TAIL);
        }

        private void send(OutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(UTF_8);
            out.write(bytes);
            bodyBytesSent.addAndGet(bytes.length);
        }
    }

    /** See {@link #gzipBomb(long)}; counts how much was sent, compressed and inflated. */
    public static final class GzipBomb implements Answer {
        private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>bomb</title><link>https://example.org/</link><item><title>bomb</title><description>")
                .getBytes(UTF_8);
        private static final byte[] TAIL = "</description></item></channel></rss>\n".getBytes(UTF_8);

        private final long inflatedSize;
        private final AtomicLong inflatedBytesSent = new AtomicLong();

        GzipBomb(long inflatedSize) {
            this.inflatedSize = inflatedSize;
        }

        public long inflatedSize() {
            return inflatedSize;
        }

        /** How many inflated bytes went into the compressor: what was sent, give or take its buffer. */
        public long inflatedBytesSent() {
            return inflatedBytesSent.get();
        }

        @Override
        public void write(Exchange exchange) throws IOException {
            exchange.socket().setSendBufferSize(16 * 1024);
            exchange.head(200, "Content-Type: " + RSS, "Content-Encoding: gzip", "Transfer-Encoding: chunked");
            FaultServer.Chunked chunked = new FaultServer.Chunked(exchange.out());
            GZIPOutputStream gzip = new GZIPOutputStream(chunked, 8192);
            write(gzip, HEAD, HEAD.length);
            byte[] filler = new byte[1 << 20];
            Arrays.fill(filler, (byte) 'a');
            long left = inflatedSize - HEAD.length - TAIL.length;
            while (left > 0) {
                int n = (int) Math.min(filler.length, left);
                write(gzip, filler, n);
                left -= n;
            }
            write(gzip, TAIL, TAIL.length);
            gzip.finish();
            chunked.close();
        }

        private void write(GZIPOutputStream gzip, byte[] bytes, int length) throws IOException {
            gzip.write(bytes, 0, length);
            inflatedBytesSent.addAndGet(length);
        }
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
