package io.trestle.bench.jmh;

import io.trestle.Method;
import io.trestle.http1.ConnectionOutput;
import io.trestle.http1.DefaultHeaders;
import io.trestle.http1.Http1Response;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link Http1Response} per operation, as the connection makes one per request, writing its
 * head and a small body into a {@link ConnectionOutput} over a null stream, then the flush the
 * connection does after a response. The security headers the server adds by default are on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponseWriterBench {
    /** The connection's side of the exchange: keep-alive, no error pages needed here. */
    static final class KeepAlive implements Http1Response.Exchange {
        private final DefaultHeaders defaults = DefaultHeaders.security(false);

        @Override
        public boolean mustClose() {
            return false;
        }

        @Override
        public void error(Http1Response res, int status, String message) {
            throw new IllegalStateException("no errors expected: " + status + " " + message);
        }

        @Override
        public DefaultHeaders defaultHeaders() {
            return defaults;
        }
    }

    private ConnectionOutput out;
    private KeepAlive exchange;

    @Setup
    public void setUp() {
        out = new ConnectionOutput(OutputStream.nullOutputStream(), null, 16 * 1024);
        exchange = new KeepAlive();
    }

    /** {@code res.text("Hello, World!")}: the plaintext endpoint's whole response. */
    @Benchmark
    public long text() throws IOException {
        Http1Response res = new Http1Response(out, exchange, Method.GET, true);
        res.text("Hello, World!");
        out.flush();
        return out.written();
    }

    /** {@code res.json(...)}: the JSON endpoint's response, serialization included. */
    @Benchmark
    public long json() throws IOException {
        Http1Response res = new Http1Response(out, exchange, Method.GET, true);
        res.json(Map.of("message", "Hello, World!"));
        out.flush();
        return out.written();
    }
}
