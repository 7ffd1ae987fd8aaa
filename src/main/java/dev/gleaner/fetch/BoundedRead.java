package dev.gleaner.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads a stream whole, but never more than a bound, so a huge or endless body cannot fill memory. */
final class BoundedRead {
    private static final int FIRST_CHUNK = 8192;
    private static final int LARGEST_CHUNK = 1 << 20;

    private BoundedRead() {
    }

    /** Thrown when the stream holds more than the bound. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        // Kept in chunks rather than one array that doubles: growing an array copies it into one
        // twice its size while the old one is still held, so a body cut off at a 20 MiB bound
        // held 48 MiB at once, more than a small heap has; chunks hold little more than what was read.
        List<byte[]> full = new ArrayList<>();
        byte[] chunk = new byte[FIRST_CHUNK];
        int filled = 0;
        long total = 0;
        for (int n; (n = in.read(chunk, filled, chunk.length - filled)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            filled += n;
            if (filled == chunk.length) {
                full.add(chunk);
                chunk = new byte[Math.min(chunk.length * 2, LARGEST_CHUNK)];
                filled = 0;
            }
        }
        byte[] body = new byte[Math.toIntExact(total)];
        int at = 0;
        for (byte[] piece : full) {
            System.arraycopy(piece, 0, body, at, piece.length);
            at += piece.length;
        }
        System.arraycopy(chunk, 0, body, at, filled);
        return body;
    }
}
