package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses one input every way a connection may deliver it — whole, split into two reads at every
 * byte position, one byte per read — with a roomy buffer, and whole and one byte per read with a tiny
 * buffer that must grow and compact; asserts that every way gives
 * the same outcome, and returns it.
 */
final class Feeds {
    /** Small enough that every head needs the buffer to grow or compact. */
    static final int TINY_BUFFER = 7;

    private Feeds() {
    }

    /** What a parse gave: the head (described), or the error, and the bytes left after the head. */
    record Outcome(RequestHead head, String description, int status, ParseRule rule, String error, String rest) {
        String key() {
            return description + "|" + status + "|" + rule + "|" + error + "|" + rest;
        }

        RequestHead ok() {
            if (head == null) {
                fail("expected a parsed head, got " + (error != null ? error : status + " " + rule));
            }
            return head;
        }
    }

    static Outcome parseEveryWay(String latin1) {
        return parseEveryWay(latin1, Limits.DEFAULTS);
    }

    static Outcome parseEveryWay(String latin1, Limits limits) {
        byte[] data = latin1.getBytes(StandardCharsets.ISO_8859_1);
        List<Function<byte[], InputStream>> ways = new ArrayList<>();
        ways.add(TrickleInputStream::whole);
        ways.add(TrickleInputStream::oneByteReads);
        for (int at = 1; at < data.length; at++) {
            int cut = at;
            ways.add(d -> TrickleInputStream.splitAt(d, cut));
        }
        return parseWays(data, limits, ways);
    }

    /** Whole, one byte per read and a few splits: for inputs too large to split everywhere. */
    static Outcome parseSomeWays(String latin1, Limits limits) {
        byte[] data = latin1.getBytes(StandardCharsets.ISO_8859_1);
        List<Function<byte[], InputStream>> ways = new ArrayList<>();
        ways.add(TrickleInputStream::whole);
        ways.add(TrickleInputStream::oneByteReads);
        for (int at : new int[] {1, data.length / 3, data.length / 2, data.length - 3, data.length - 1}) {
            if (at > 0 && at < data.length) {
                ways.add(d -> TrickleInputStream.splitAt(d, at));
            }
        }
        return parseWays(data, limits, ways);
    }

    private static Outcome parseWays(byte[] data, Limits limits, List<Function<byte[], InputStream>> ways) {
        Outcome first = null;
        for (int bufferSize : new int[] {8192, TINY_BUFFER}) {
            // With the tiny buffer, whole and one-byte reads already make it grow and compact everywhere.
            int wayCount = bufferSize == TINY_BUFFER ? 2 : ways.size();
            for (int w = 0; w < wayCount; w++) {
                Outcome outcome = parse(ways.get(w).apply(data), bufferSize, limits);
                if (first == null) {
                    first = outcome;
                } else {
                    assertEquals(first.key(), outcome.key(), "way " + w + " with a buffer of " + bufferSize);
                }
            }
        }
        return first;
    }

    static Outcome parse(InputStream stream, int bufferSize, Limits limits) {
        ConnectionInput in = new ConnectionInput(stream, bufferSize, null);
        try {
            RequestHead head = new RequestHeadParser(limits).parse(in);
            return new Outcome(head, head == null ? "null" : describe(head), 0, null, null, rest(in));
        } catch (HttpParseException e) {
            return new Outcome(null, null, e.status(), e.rule(), null, null);
        } catch (IOException e) {
            return new Outcome(null, null, 0, null, e.getClass().getSimpleName(), null);
        }
    }

    static String describe(RequestHead h) {
        return h.method() + " " + h.target() + " " + h.version() + " host=" + h.host() + " length=" + h.contentLength()
                + " chunked=" + h.isChunked() + " keepAlive=" + h.keepAlive() + " continue=" + h.expectContinue()
                + " headers=" + h.headers();
    }

    static String rest(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
