package io.trestle.http1;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A test stream over fixed bytes that hands them out in small reads: at most {@code maxPerRead}
 * bytes per call, never across the {@code cut} positions, optionally sleeping before each read.
 * Feeding a parser this way checks that it resumes correctly wherever a read ends (Undertow's
 * ParserResumeTestCase idea, for a blocking reader).
 */
final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private final int maxPerRead;
    private final int[] cuts;
    private final long sleepMillis;
    private int pos;
    private int reads;
    private boolean closed;

    TrickleInputStream(byte[] data, int maxPerRead, long sleepMillis, int... cuts) {
        this.data = data;
        this.maxPerRead = maxPerRead;
        this.sleepMillis = sleepMillis;
        this.cuts = cuts.clone();
        Arrays.sort(this.cuts);
    }

    static TrickleInputStream whole(byte[] data) {
        return new TrickleInputStream(data, Integer.MAX_VALUE, 0);
    }

    static TrickleInputStream whole(String latin1) {
        return whole(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Two reads: {@code data[0, at)} then the rest. */
    static TrickleInputStream splitAt(byte[] data, int at) {
        return new TrickleInputStream(data, Integer.MAX_VALUE, 0, at);
    }

    static TrickleInputStream oneByteReads(byte[] data) {
        return new TrickleInputStream(data, 1, 0);
    }

    static TrickleInputStream oneByteReads(String latin1) {
        return oneByteReads(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One byte per read, each after sleeping {@code millis}: a slowloris client. */
    static TrickleInputStream slow(byte[] data, long millis) {
        return new TrickleInputStream(data, 1, millis);
    }

    int reads() {
        return reads;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        reads++;
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pos == data.length) {
            return -1;
        }
        int end = data.length;
        for (int cut : cuts) {
            if (cut > pos) {
                end = Math.min(end, cut);
                break;
            }
        }
        int n = Math.min(Math.min(len, maxPerRead), end - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
