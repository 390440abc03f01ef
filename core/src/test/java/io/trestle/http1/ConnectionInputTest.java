package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection's buffer: reads, skips, line finding, growth within bounds, compaction. */
class ConnectionInputTest {

    private static ConnectionInput input(String data, int maxPerRead, int bufferSize) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        return new ConnectionInput(new TrickleInputStream(bytes, maxPerRead, 0), bufferSize, null);
    }

    @Test
    void awaitDataBuffersWithoutConsuming() throws IOException {
        ConnectionInput in = input("ab", 1, 8);
        assertFalse(in.hasBuffered());
        assertTrue(in.awaitData());
        assertTrue(in.hasBuffered());
        assertEquals(1, in.available());
        assertEquals('a', in.read());
        assertFalse(in.hasBuffered());
        assertTrue(in.awaitData());
        assertEquals('b', in.read());
        assertFalse(in.awaitData());
        assertEquals(-1, in.read());
    }

    @Test
    void readReturnsBufferedBytesWithoutBlockingForMore() throws IOException {
        ConnectionInput in = input("abcdef", 4, 16);
        byte[] b = new byte[10];
        assertEquals(4, in.read(b, 0, 10));
        assertEquals("abcd", new String(b, 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals(2, in.read(b, 1, 9));
        assertEquals('e', b[1]);
        assertEquals(0, in.read(b, 0, 0));
        assertEquals(-1, in.read(b, 0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(b, 8, 5));
    }

    @Test
    void largeReadsGoStraightToTheStream() throws IOException {
        TrickleInputStream stream = TrickleInputStream.whole("0123456789abcdef");
        ConnectionInput in = new ConnectionInput(stream, 4, null);
        byte[] b = new byte[16];
        assertEquals(16, in.read(b, 0, 16));
        assertEquals("0123456789abcdef", new String(b, StandardCharsets.ISO_8859_1));
        assertEquals(1, stream.reads());
    }

    @Test
    void skipSkipsBufferedBytesAndReturnsZeroOnlyAtTheEnd() throws IOException {
        ConnectionInput in = input("abcdef", 3, 16);
        assertEquals(2, in.skip(2));
        assertEquals(1, in.skip(10));
        assertEquals(3, in.skip(10));
        assertEquals(0, in.skip(10));
        assertEquals(0, in.skip(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 100})
    void findsLineEndsAndLeavesTheRest(int maxPerRead) throws IOException {
        ConnectionInput in = input("first\r\nsecond line\r\nrest", maxPerRead, 4);
        int lf = in.findLineEnd(100);
        assertEquals("first\r", text(in, lf));
        in.consumeTo(lf + 1);
        lf = in.findLineEnd(100);
        assertEquals("second line\r", text(in, lf));
        in.consumeTo(lf + 1);
        assertEquals(ConnectionInput.EOF, in.findLineEnd(100));
        assertEquals("rest", Feeds.rest(in));
    }

    private static String text(ConnectionInput in, int lf) {
        return new String(in.buffer(), in.position(), lf - in.position(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 1000})
    void lineWithoutLfWithinTheBoundIsTooLongAndTheBufferStaysWithinIt(int maxPerRead) throws IOException {
        GrowthWatcher watcher = new GrowthWatcher("x".repeat(1000) + "\n", maxPerRead);
        ConnectionInput in = new ConnectionInput(watcher, 4, null);
        watcher.in = in;
        assertEquals(ConnectionInput.TOO_LONG, in.findLineEnd(50));
        assertTrue(watcher.largest <= 50, "buffer grew to " + watcher.largest);
        assertTrue(watcher.delivered <= 50 + 4 || maxPerRead == 1000, "read " + watcher.delivered + " bytes");
    }

    @Test
    void lineOfExactlyTheBoundIsFound() throws IOException {
        ConnectionInput in = input("x".repeat(48) + "\r\n", 1, 4);
        assertEquals(49, in.findLineEnd(50));
    }

    @Test
    void compactsInsteadOfGrowingWhenConsumedBytesMakeRoom() throws IOException {
        ConnectionInput in = input("ab\ncdefgh\n", 100, 8);
        int lf = in.findLineEnd(8);
        in.consumeTo(lf + 1);
        assertEquals(8, in.buffer().length);
        lf = in.findLineEnd(8);
        assertEquals(8, in.buffer().length);
        assertEquals("cdefgh", text(in, lf));
    }

    @Test
    void shrinksBackToItsSizeOnceAGrownBufferIsDrained() throws IOException {
        ConnectionInput in = input("x".repeat(100) + "\nmore", 1000, 8);
        int lf = in.findLineEnd(200);
        assertTrue(in.buffer().length > 8);
        in.consumeTo(lf + 1);
        assertEquals('m', in.read());
        assertEquals("ore", Feeds.rest(in));
        assertEquals(8, in.buffer().length);
    }

    @Test
    void survivesAStreamThatReturnsZero() throws IOException {
        InputStream zeroFirst = new InputStream() {
            private int calls;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (calls++ % 2 == 0) {
                    return 0;
                }
                b[off] = 'z';
                return 1;
            }
        };
        ConnectionInput in = new ConnectionInput(zeroFirst, 8, null);
        assertEquals('z', in.read());
        assertTrue(in.awaitData());
    }

    @Test
    void closeClosesTheConnectionStream() throws IOException {
        TrickleInputStream stream = TrickleInputStream.whole("x");
        new ConnectionInput(stream, 8, null).close();
        assertTrue(stream.isClosed());
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionInput(InputStream.nullInputStream(), 0, null));
        ConnectionInput in = new ConnectionInput(InputStream.nullInputStream(), 8, null);
        assertThrows(IllegalArgumentException.class, () -> in.readTimeout(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> in.consumeTo(1));
    }

    /** Records the largest buffer the input used and how many bytes it asked for. */
    private static final class GrowthWatcher extends InputStream {
        private final TrickleInputStream data;
        ConnectionInput in;
        int largest;
        int delivered;

        GrowthWatcher(String text, int maxPerRead) {
            data = new TrickleInputStream(text.getBytes(StandardCharsets.ISO_8859_1), maxPerRead, 0);
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largest = Math.max(largest, b.length);
            int n = data.read(b, off, len);
            delivered += Math.max(n, 0);
            return n;
        }
    }
}
