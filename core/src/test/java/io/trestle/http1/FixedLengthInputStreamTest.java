package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-Length bodies: exactly {@code length} bytes, then -1; the rest stays for the next request. */
class FixedLengthInputStreamTest {

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000})
    void readsExactlyTheLengthAndLeavesTheRest(int maxPerRead) throws IOException {
        byte[] data = bytes("hello worldGET / HTTP/1.1");
        for (int bufferSize : new int[] {4, 64}) {
            ConnectionInput in = new ConnectionInput(new TrickleInputStream(data, maxPerRead, 0), bufferSize, null);
            FixedLengthInputStream body = new FixedLengthInputStream(in, 11);
            assertEquals("hello world", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
            assertEquals(-1, body.read());
            assertEquals(-1, body.read(new byte[3], 0, 3));
            assertTrue(body.isFinished());
            assertEquals(11, body.bytesRead());
            assertEquals("GET / HTTP/1.1", Feeds.rest(in));
        }
    }

    @Test
    void splitAtEveryByteGivesTheSameBody() throws IOException {
        byte[] data = bytes("0123456789NEXT");
        for (int at = 1; at < data.length; at++) {
            ConnectionInput in = new ConnectionInput(TrickleInputStream.splitAt(data, at), 8192, null);
            FixedLengthInputStream body = new FixedLengthInputStream(in, 10);
            assertEquals("0123456789", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1), "split at " + at);
            assertEquals("NEXT", Feeds.rest(in));
        }
    }

    @Test
    void emptyBodyEndsAtOnce() throws IOException {
        ConnectionInput in = new ConnectionInput(TrickleInputStream.whole("NEXT"), 16, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 0);
        assertTrue(body.isFinished());
        assertEquals(-1, body.read());
        assertTrue(body.skipRemaining(0));
        assertEquals("NEXT", Feeds.rest(in));
    }

    @Test
    void largeReadsBypassingTheBufferStayWithinTheBody() throws IOException {
        byte[] data = new byte[10_000 + 4];
        Arrays.fill(data, (byte) 'x');
        System.arraycopy(bytes("NEXT"), 0, data, 10_000, 4);
        ConnectionInput in = new ConnectionInput(TrickleInputStream.whole(data), 64, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 10_000);
        byte[] all = body.readAllBytes();
        assertEquals(10_000, all.length);
        assertArrayEquals(Arrays.copyOf(data, 10_000), all);
        assertEquals("NEXT", Feeds.rest(in));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void endOfStreamBeforeTheLengthIsAnEofException(int maxPerRead) {
        ConnectionInput in = new ConnectionInput(new TrickleInputStream(bytes("hel"), maxPerRead, 0), 16, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 5);
        EOFException e = assertThrows(EOFException.class, body::readAllBytes);
        assertEquals("connection closed after 3 of 5 body bytes", e.getMessage());
    }

    @Test
    void skipRemainingAtEndOfStreamIsAnEofException() {
        ConnectionInput in = new ConnectionInput(TrickleInputStream.whole("hel"), 16, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 5);
        assertThrows(EOFException.class, () -> body.skipRemaining(100));
    }

    @Test
    void closeKeepsTheConnectionOpenAndSkipStillWorks() throws IOException {
        TrickleInputStream socket = TrickleInputStream.whole("helloNEXT");
        ConnectionInput in = new ConnectionInput(socket, 16, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 5);
        assertEquals('h', body.read());
        body.close();
        assertFalse(socket.isClosed());
        assertThrows(IOException.class, body::read);
        assertThrows(IOException.class, () -> body.read(new byte[2], 0, 2));
        assertTrue(body.skipRemaining(10));
        assertEquals("NEXT", Feeds.rest(in));
    }

    @Test
    void skipRemainingStopsAtItsBound() throws IOException {
        ConnectionInput in = new ConnectionInput(new TrickleInputStream(new byte[100], 7, 0), 16, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 100);
        assertFalse(body.skipRemaining(10));
        assertEquals(10, body.bytesRead());
        assertFalse(body.isFinished());
        assertTrue(body.skipRemaining(90));
        assertEquals(100, body.bytesRead());
        assertEquals(100, body.length());
    }

    @Test
    void skipAndAvailableStayWithinTheBody() throws IOException {
        ConnectionInput in = new ConnectionInput(TrickleInputStream.whole("0123456789NEXT"), 64, null);
        FixedLengthInputStream body = new FixedLengthInputStream(in, 10);
        assertEquals(0, body.available());
        assertEquals('0', body.read());
        assertEquals(9, body.available());
        assertEquals(9, body.skip(100));
        assertEquals(0, body.skip(100));
        assertEquals(-1, body.read());
        assertEquals("NEXT", Feeds.rest(in));
    }

    @Test
    void refusesANegativeLength() {
        InputStream empty = InputStream.nullInputStream();
        assertThrows(IllegalArgumentException.class,
                () -> new FixedLengthInputStream(new ConnectionInput(empty, 16, null), -1));
    }
}
