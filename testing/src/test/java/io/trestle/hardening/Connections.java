package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.fail;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import java.io.IOException;
import java.io.InputStream;
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

    /** Reads a response head, byte by byte, up to and including its blank line. */
    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed inside the head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** The Content-Length a response head announces; fails the test when there is none. */
    static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return fail("no Content-Length in " + head);
    }
}
