package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.trestle.Method;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Read-only request headers and checked response headers cost no allocation on the hot path: no
 * view object per request, and a connection's response headers are reused, not reallocated.
 *
 * <p>The bounds are the figures measured before the split into {@code Headers} and
 * {@code WritableHeaders} (one mutable class with a read-only flag), with compressed references:
 * 176 bytes to parse this head (its value strings, two arrays, the head), 56 to write a response
 * (the response object); today's are 168 (the headers object lost its flag) and 56. A view object
 * (16 bytes or more) per request or a fresh header list (three objects, 96 bytes) per response
 * would exceed them. The best of three compiled rounds counts, so a JIT still busy under load cannot
 * fail it.
 */
class HeadersAllocationTest {
    private static final String HEAD = "GET /api/users/42 HTTP/1.1\r\nHost: shop.example.com\r\nConnection: keep-alive\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nAccept: text/html\r\nAccept-Encoding: gzip, br\r\n"
            + "Accept-Language: en-GB,en;q=0.9\r\nCookie: TRESTLE_SESSION=Yk3hT0q9Vw2XJ7cZp1mL8sRfA4uN6eBd\r\n\r\n";
    private static final DefaultHeaders DEFAULTS = DefaultHeaders.security(false);
    private static final int CALLS = 200_000;

    /** The connection's side, as {@code Http1Connection} does it: one header list, reused. */
    private static final class Reusing implements Http1Response.Exchange {
        private final ResponseHeaders headers = new ResponseHeaders(4);

        @Override
        public boolean mustClose() {
            return false;
        }

        @Override
        public void error(Http1Response res, int status, String message) {
            throw new IllegalStateException(status + " " + message);
        }

        @Override
        public DefaultHeaders defaultHeaders() {
            return DEFAULTS;
        }

        @Override
        public ResponseHeaders responseHeaders() {
            headers.reuse();
            return headers;
        }
    }

    /**
     * Measured in a JVM of its own: in one that has run other tests first, the JIT's profiles
     * (which stream types the connection input has seen, say) move the figures by a few words
     * either way, more than the difference to catch.
     */
    @Test
    void parsingAHeadAndWritingAResponseAllocateNoMoreThanBefore() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseCompressedOops", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String output;
        try (var in = probe.getInputStream()) {
            assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "the probe did not finish in two minutes");
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            probe.destroyForcibly();
        }
        assertEquals(0, probe.exitValue(), output);
        assumeFalse(output.equals("unsupported"), "this JVM does not count allocated bytes per thread");
        String[] figures = output.lines().reduce((a, b) -> b).orElse("").split(" ");
        assertEquals(2, figures.length, output);
        long parse = Long.parseLong(figures[0]);
        long respond = Long.parseLong(figures[1]);
        assertTrue(parse <= 176, "parsing the head allocated " + parse + " bytes, more than the 176 before");
        assertTrue(respond <= 56, "writing the response allocated " + respond + " bytes, more than the 56 before");
    }

    /** Prints the bytes one parse and one response allocate, best of three compiled rounds. */
    static final class Probe {
        public static void main(String[] args) throws IOException {
            if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
                    || !bean.isThreadAllocatedMemorySupported()) {
                System.out.println("unsupported");
                return;
            }
            bean.setThreadAllocatedMemoryEnabled(true);
            ByteArrayInputStream bytes = new ByteArrayInputStream(HEAD.getBytes(StandardCharsets.ISO_8859_1));
            ConnectionInput input = new ConnectionInput(bytes, 16 * 1024, null);
            RequestHeadParser parser = new RequestHeadParser(Limits.DEFAULTS);
            ConnectionOutput out = new ConnectionOutput(OutputStream.nullOutputStream(), null, 16 * 1024);
            Reusing exchange = new Reusing();
            byte[] empty = new byte[0];
            long bestParse = Long.MAX_VALUE;
            long bestRespond = Long.MAX_VALUE;
            long sink = 0;
            for (int round = 0; round < 5; round++) { // rounds 2 to 4 run compiled code
                long before = bean.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < CALLS; i++) {
                    bytes.reset();
                    RequestHead head = parser.parse(input);
                    sink += head.headers().size() + head.headers().get("accept").length();
                }
                long parse = (bean.getCurrentThreadAllocatedBytes() - before) / CALLS;
                before = bean.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < CALLS; i++) {
                    Http1Response res = new Http1Response(out, exchange, Method.GET, true);
                    res.header("Vary", "Accept").header("Cache-Control", "no-store");
                    res.headers().add("X-Request", "7");
                    res.send(empty);
                    out.flush();
                }
                long respond = (bean.getCurrentThreadAllocatedBytes() - before) / CALLS;
                if (round >= 2) {
                    bestParse = Math.min(bestParse, parse);
                    bestRespond = Math.min(bestRespond, respond);
                }
            }
            if (sink == 0) {
                throw new AssertionError("nothing parsed");
            }
            System.out.println(bestParse + " " + bestRespond);
        }
    }
}
