package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/** An HTTP/1.1 server on 127.0.0.1, on a bare socket so that it can misbehave as real servers and networks do. */
public final class FaultServer implements AutoCloseable {
    /** The first byte of a TLS record that carries a handshake: a client speaking TLS. */
    private static final int TLS_HANDSHAKE = 0x16;
    private static final int MAX_HEAD = 64 * 1024;

    /** How the server answers one request; it owns the connection until it returns. */
    @FunctionalInterface
    public interface Answer {
        void write(Exchange exchange) throws IOException;
    }

    /** One request, and the connection to answer it on. */
    public static final class Exchange {
        private final String target;
        private final Socket socket;
        private final OutputStream out;

        Exchange(String target, Socket socket, OutputStream out) {
            this.target = target;
            this.socket = socket;
            this.out = out;
        }

        /** The request target without its query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** The connection itself, for answers that end it abruptly. */
        public Socket socket() {
            return socket;
        }

        /** Where the answer goes: every byte written here is counted once it reaches the socket. */
        public OutputStream out() {
            return out;
        }

        /** Writes a status line and headers; {@code Connection: close} is added. */
        public void head(int status, String... headerLines) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                    .append(reasonPhrase(status)).append("\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(ISO_8859_1));
        }
    }

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile Answer answer;
    private volatile @Nullable SSLContext tls;
    private volatile boolean closed;

    private FaultServer(ServerSocket listener, Answer answer) {
        this.listener = listener;
        this.answer = answer;
        this.acceptor = new Thread(this::acceptLoop, "fault-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server on a free loopback port that answers every request with {@code answer}. */
    public static FaultServer start(Answer answer) throws IOException {
        return startOn(0, answer);
    }

    /** A server on this loopback port (0 for any free one) that answers with {@code answer}. */
    public static FaultServer startOn(int port, Answer answer) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 64);
        return new FaultServer(listener, answer);
    }

    /** A loopback port that was free a moment ago and has nothing listening now. */
    public static int closedPort() throws IOException {
        return Loopback.closedPort();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** From now on, answers every request with {@code next}. */
    public void answer(Answer next) {
        this.answer = next;
    }

    /**
     * From now on, a client that opens with a TLS handshake is answered over TLS with this
     * context; until then it gets what a plain HTTP server sends to one: {@code 400 Bad Request}.
     */
    public void acceptTls(SSLContext context) {
        this.tls = context;
    }

    /** How many connections were accepted, whether or not a request followed. */
    public int connections() {
        return connections.get();
    }

    /** Every byte that reached the socket, headers included, over all connections. */
    public long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // the port is freed either way
        }
        // an answer blocked writing to a client that stopped reading ends with its socket
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            open.add(socket);
            Thread handler = new Thread(() -> handle(socket), "fault-connection-" + port());
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void handle(Socket socket) {
        Socket connection = socket;
        try {
            socket.setSoTimeout(30_000);
            InputStream raw = socket.getInputStream();
            int first = raw.read();
            if (first < 0) {
                return;
            }
            InputStream in;
            SSLContext context = tls;
            if (first == TLS_HANDSHAKE && context != null) {
                SSLSocket secure = (SSLSocket) context.getSocketFactory()
                        .createSocket(socket, new ByteArrayInputStream(new byte[] {(byte) first}), true);
                secure.setUseClientMode(false);
                connection = secure;
                open.add(secure);
                in = new BufferedInputStream(secure.getInputStream());
            } else {
                in = new BufferedInputStream(new SequenceInputStream(
                        new ByteArrayInputStream(new byte[] {(byte) first}), raw));
            }
            OutputStream out = new BufferedOutputStream(new Counting(connection.getOutputStream()), 8192);
            if (first == TLS_HANDSHAKE && context == null) {
                // what nginx and others send back when a TLS handshake reaches a plain HTTP port
                Exchange refusal = new Exchange("", connection, out);
                byte[] body = "This is a plain HTTP port.\n".getBytes(ISO_8859_1);
                refusal.head(400, "Content-Type: text/plain", "Content-Length: " + body.length);
                out.write(body);
                finish(connection, out, raw);
                return;
            }
            Exchange exchange = readRequest(connection, in, out);
            if (exchange == null) {
                return;
            }
            answer.write(exchange);
            finish(connection, out, in);
        } catch (IOException e) {
            // the client went away, or the answer ended the connection on purpose
        } finally {
            closeQuietly(connection);
            open.remove(socket);
            open.remove(connection);
        }
    }

    /** The request, once its head has been read; null for a connection that sent none. */
    private static @Nullable Exchange readRequest(Socket socket, InputStream in, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            head.append((char) c);
            if (head.length() > MAX_HEAD) {
                return null;
            }
            int length = head.length();
            if (length >= 4 && head.charAt(length - 1) == '\n' && head.charAt(length - 3) == '\n') {
                break;
            }
        }
        String[] requestLine = head.toString().split("\r\n", 2)[0].split(" ");
        return requestLine.length < 3 ? null : new Exchange(requestLine[1], socket, out);
    }

    /**
     * Sends what is buffered and closes gently: the client's remaining bytes are read first, since
     * closing a socket with unread input resets the connection instead of ending it.
     */
    private static void finish(Socket socket, OutputStream out, InputStream in) throws IOException {
        if (socket.isClosed()) {
            return;
        }
        out.flush();
        if (!(socket instanceof SSLSocket)) {
            socket.shutdownOutput();
        }
        socket.setSoTimeout(2_000);
        byte[] sink = new byte[8192];
        try {
            int n;
            do {
                n = in.read(sink);
            } while (n != -1);
        } catch (IOException e) {
            // a client that closed first, or lingers: either way the answer is out
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do for a socket that will not close
        }
    }

    private final class Counting extends FilterOutputStream {
        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytesSent.addAndGet(len);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytesSent.incrementAndGet();
        }
    }

    static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** Wraps a stream in HTTP/1.1 chunked transfer coding; closing it writes the last chunk. */
    static final class Chunked extends FilterOutputStream {
        Chunked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(ISO_8859_1));
            out.write(b, off, len);
            out.write("\r\n".getBytes(ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() throws IOException {
            out.write("0\r\n\r\n".getBytes(ISO_8859_1));
            out.flush();
        }
    }
}
