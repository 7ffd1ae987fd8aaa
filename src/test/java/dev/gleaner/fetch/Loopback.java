package dev.gleaner.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Addresses on this machine for tests of what happens when nobody answers. */
final class Loopback {
    private Loopback() {
    }

    /** A loopback port that was free a moment ago and has nothing listening now. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
