package io.trestle.hardening;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import java.io.IOException;
import java.util.List;

/** Client-side chores shared by the hardening tests. */
final class Connections {
    private Connections() {
    }

    static RawResponse get(RawConnection c, String path) throws IOException {
        c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return c.readResponse();
    }

    static void closeAll(List<RawConnection> clients) {
        for (RawConnection c : clients) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a socket the server already closed
            }
        }
    }

    /**
     * Waits until the server holds at most {@code atMost} connections: a connection counts until
     * its thread has noticed the close and ended.
     */
    static boolean awaitOpenConnections(Server server, int atMost, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (server.openConnections() > atMost && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return server.openConnections() <= atMost;
    }
}
