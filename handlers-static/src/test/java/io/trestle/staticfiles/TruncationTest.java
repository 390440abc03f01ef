package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.TrestleTest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that shrinks or disappears while it is sent never arrives as if it were whole: the
 * connection closes before the promised length, or the chunked body never ends.
 */
class TruncationTest {
    static final int SIZE = 64 << 20;

    @TempDir
    Path web;

    /** A client that reads slowly: a tiny receive window keeps the server blocked mid-file. */
    private static Socket slowClient(TrestleTest t, String request) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", t.port()), 10_000);
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed in the head");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long drain(InputStream in) throws IOException {
        long total = 0;
        byte[] buf = new byte[65536];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
            }
        } catch (java.net.SocketException e) {
            // a reset also ends the body early
        }
        return total;
    }

    @Test
    void truncatedWhileSentClosesBeforeTheAnnouncedLength() throws Exception {
        Path file = web.resolve("huge.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(SIZE);                                  // sparse: quick to make
        }
        try (TrestleTest t = StaticServer.start(web);
             Socket socket = slowClient(t, "GET /huge.bin HTTP/1.1\r\nHost: x\r\n\r\n")) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.contains("Content-Length: " + SIZE), head);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(1 << 20);
            }
            long received = drain(in);
            assertTrue(received < SIZE, "got " + received + " of " + SIZE + " bytes: the end must be missing");
        }
    }

    @Test
    void truncatedWhileGzippedNeverEndsTheChunkedBody() throws Exception {
        Path file = web.resolve("huge.txt");
        byte[] noise = new byte[16 << 20];                        // random: gzip cannot shrink it much
        new Random(3).nextBytes(noise);
        Files.write(file, noise);
        try (TrestleTest t = StaticServer.start(web, "gzip", "true");
             Socket socket = slowClient(t, "GET /huge.txt HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.contains("Transfer-Encoding: chunked"), head);
            assertTrue(head.contains("Content-Encoding: gzip"), head);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(1 << 20);
            }
            byte[] rest = readAll(in);
            String tail = new String(rest, Math.max(0, rest.length - 5), Math.min(5, rest.length),
                    StandardCharsets.ISO_8859_1);
            assertTrue(!tail.equals("0\r\n\r\n"), "the last chunk must not be sent");
        }
    }

    @Test
    void deletedWhileSentStillSendsTheRightBytesOrStopsShort() throws Exception {
        Path file = web.resolve("gone.bin");
        byte[] content = new byte[8 << 20];
        new Random(5).nextBytes(content);
        Files.write(file, content);
        try (TrestleTest t = StaticServer.start(web);
             Socket socket = slowClient(t, "GET /gone.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
            InputStream in = socket.getInputStream();
            readHead(in);
            Files.delete(file);
            byte[] body = readAll(in);
            if (body.length == content.length) {
                assertEquals(StaticServer.sha256(content), StaticServer.sha256(body), "whole means right");
            } else {
                assertTrue(body.length < content.length);
            }
            assertEquals(404, t.get("/gone.bin").statusCode());
        }
    }

    @Test
    void vanishedBeforeSendingIs404() throws Exception {
        Files.writeString(web.resolve("a.txt"), "a");
        try (TrestleTest t = StaticServer.start(web)) {
            assertEquals(200, t.get("/a.txt").statusCode());
            Files.delete(web.resolve("a.txt"));
            assertEquals(404, t.get("/a.txt").statusCode());
            assertThrows(java.nio.file.NoSuchFileException.class, () -> Files.size(web.resolve("a.txt")));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset: the body ends here
        }
        return all.toByteArray();
    }
}
