package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input flushes the connection's output before a read that would block, and only then: what
 * each read of the client finds already written, counted in writes to the socket.
 */
class FlushBeforeBlockingTest {

    /** The socket's output: counts the writes reaching it. */
    private static final class CountingSocketOutput extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }

        String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The client: hands out one segment per read and notes what had been written at each read. */
    private static final class Client extends InputStream {
        private final Deque<byte[]> segments = new ArrayDeque<>();
        private final CountingSocketOutput output;
        final List<String> writtenAtRead = new ArrayList<>();

        Client(CountingSocketOutput output, String... segments) {
            this.output = output;
            for (String s : segments) {
                this.segments.add(s.getBytes(StandardCharsets.ISO_8859_1));
            }
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            writtenAtRead.add(output.writes + ":" + output.text());
            byte[] next = segments.poll();
            if (next == null) {
                return -1;
            }
            if (next.length > len) {
                throw new IllegalStateException("segment larger than the read");
            }
            System.arraycopy(next, 0, b, off, next.length);
            return next.length;
        }
    }

    /** Serves the client as the connection does: parse, answer (buffered), until the stream ends. */
    private static void serve(Client client, ConnectionInput in, ConnectionOutput out) throws IOException {
        RequestHeadParser parser = new RequestHeadParser(Limits.DEFAULTS);
        RequestHead head;
        while ((head = parser.parse(in)) != null) {
            FixedLengthInputStream body = new FixedLengthInputStream(in, Math.max(head.contentLength(), 0));
            String text = new String(body.readAllBytes(), StandardCharsets.ISO_8859_1);
            out.writeLatin1(head.target() + text + ";");
            parser.skipBufferedEmptyLines(in);
        }
        out.flush();
    }

    private static Client run(String... segments) throws IOException {
        CountingSocketOutput socket = new CountingSocketOutput();
        Client client = new Client(socket, segments);
        ConnectionInput in = new ConnectionInput(client, 8192, null);
        ConnectionOutput out = new ConnectionOutput(socket, null, 8192);
        in.flushBeforeBlocking(out);
        serve(client, in, out);
        return client;
    }

    @Test
    void aPipelinedBatchLeavesInOneWriteBeforeTheNextRead() throws IOException {
        String get = " HTTP/1.1\r\nHost: x\r\n\r\n";
        Client client = run("GET /a" + get + "GET /b" + get + "GET /c" + get, "GET /d" + get);
        assertEquals(List.of("0:", "1:/a;/b;/c;", "2:/a;/b;/c;/d;"), client.writtenAtRead);
    }

    @Test
    void aResponseLeavesBeforeTheReadForTheRestOfTheNextHead() throws IOException {
        String get = " HTTP/1.1\r\nHost: x\r\n\r\n";
        Client client = run("GET /a" + get + "GET /b HTTP/1.1\r\nHo", "st: x\r\n\r\n");
        assertEquals(List.of("0:", "1:/a;", "2:/a;/b;"), client.writtenAtRead);
    }

    @Test
    void aResponseLeavesBeforeTheReadAfterAStrayEmptyLine() throws IOException {
        Client client = run("POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi\r\n");
        assertEquals(List.of("0:", "1:/phi;"), client.writtenAtRead);
    }

    @Test
    void aResponseLeavesBeforeTheReadForTheRestOfTheNextBody() throws IOException {
        Client client = run("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab",
                "cd");
        assertEquals(List.of("0:", "1:/a;", "2:/a;/pabcd;"), client.writtenAtRead);
    }

    @Test
    void nothingIsFlushedWhenNothingIsPending() throws IOException {
        CountingSocketOutput socket = new CountingSocketOutput();
        Client client = new Client(socket, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        ConnectionInput in = new ConnectionInput(client, 8192, null);
        ConnectionOutput out = new ConnectionOutput(socket, null, 8192);
        in.flushBeforeBlocking(out);
        RequestHeadParser parser = new RequestHeadParser(Limits.DEFAULTS);
        parser.parse(in);
        out.writeLatin1("x");
        out.flush(); // the connection's own flush at the end of a batch
        assertNull(parser.parse(in));
        assertEquals(1, socket.writes, "the read after it found nothing to write");
    }
}
