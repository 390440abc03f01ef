package io.trestle.http1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Strings last made from a connection's request bytes, handed out again when the same bytes
 * come back. A client repeats itself request after request: the same target when it polls or is
 * a load generator, and nearly the same header values always (Host, User-Agent, Accept...,
 * Cookie). Comparing the bytes with the last value seen under the same name is cheaper than
 * building a String and saves its allocation; with the Host's parsed name kept too, a plaintext
 * request allocates about 100 bytes less.
 *
 * <p>One per connection (its {@link RequestHeadParser}), used by one thread at a time. A few
 * slots of at most {@link #MAX_LENGTH} bytes each, so an idle connection holds little.
 *
 * <pre>{@code
 * String host = recent.of(HeaderNames.HOST, buf, from, to);   // the same instance as last time when equal
 * }</pre>
 */
final class RecentStrings {
    /** Longer values are not kept: they rarely repeat byte for byte, and would cost memory per connection. */
    static final int MAX_LENGTH = 256;
    /** The key under which the request target is kept. */
    static final Object TARGET = new Object();

    private static final int SLOTS = 8;

    // Keys are compared by identity: the target key and the header-name constants of HeaderNames.
    private final Object[] keys = new Object[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];
    private int nextSlot;

    private String lastHost;
    private String lastHostName;

    /** The Latin-1 String of {@code buf[from, to)}: the one made last time under {@code key} when the bytes are the same. */
    String of(Object key, byte[] buf, int from, int to) {
        int n = to - from;
        int slot = slotOf(key);
        if (slot >= 0) {
            byte[] last = bytes[slot];
            if (last.length == n && Arrays.equals(last, 0, n, buf, from, to)) {
                return strings[slot];
            }
        }
        String made = new String(buf, from, n, StandardCharsets.ISO_8859_1);
        if (n <= MAX_LENGTH) {
            if (slot < 0) {
                slot = nextSlot;
                nextSlot = (nextSlot + 1) % SLOTS;
                keys[slot] = key;
            }
            bytes[slot] = Arrays.copyOfRange(buf, from, to);
            strings[slot] = made;
        }
        return made;
    }

    /**
     * The host name of a Host value ({@link HostSyntax#hostOf}), remembered for the last value:
     * when {@link #of} handed out the same instance again, so is the answer.
     */
    String hostName(String host) {
        if (host != lastHost) {
            lastHostName = HostSyntax.hostOf(host);
            lastHost = host;
        }
        return lastHostName;
    }

    private int slotOf(Object key) {
        for (int i = 0; i < SLOTS; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }
}
