package io.trestle.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Method;
import io.trestle.Server;
import io.trestle.http1.Limits;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few hundred seeded requests, valid and mutated ({@link RequestGenerator}), through the parser —
 * where they must keep {@link HeadProperties} and {@link ChunkedProperties} — and through a real
 * server with an echo handler, followed by a pipelined request: the server must answer exactly as
 * {@link PipelineModel} predicts from the parser's verdicts. Above all, after a refused request the
 * follow-up is never answered, and after an accepted one it is answered as a request of its own.
 */
class GeneratedRequestsTest {
    private static final long SEED = 0x7e57_1e;
    private static final Limits LIMITS = HeadProperties.FUZZ_LIMITS;
    private static final byte[] FOLLOW_UP = "GET /follow-up HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static TrestleTest server;

    @BeforeAll
    static void start() {
        // The server gets the limits the model predicts with (FUZZ_LIMITS sets these four; the rest are defaults).
        server = TrestleTest.start(Server.builder().maxRequestLine(LIMITS.maxRequestLineBytes())
                .maxHeaderSize(LIMITS.maxHeaderBytes()).maxHeaders(LIMITS.maxHeaderCount()).maxBodySize(LIMITS.maxBodyBytes())
                .routes(r -> r.add(
                Set.of(Method.GET, Method.POST, Method.PUT, Method.DELETE, Method.PATCH), "/{path...}",
                (req, res) -> res.send(PipelineModel.Answer.echo(req.method().name(), req.target(), req.bodyBytes())),
                -1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<RequestGenerator.Case> cases() {
        return RequestGenerator.cases(SEED, 40, 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parserKeepsItsProperties(RequestGenerator.Case c) {
        HeadVerdict verdict = HeadProperties.check(c.bytes(), LIMITS);
        if (verdict.accepted() && verdict.head().isChunked()) {
            ChunkedProperties.check(Arrays.copyOfRange(c.bytes(), verdict.consumed(), c.bytes().length), LIMITS);
        }
        if (c.name().startsWith("valid") && !c.name().contains(" ")) {
            assertTrue(verdict.accepted(), () -> "a valid request was refused: " + verdict);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serverAnswersAsTheParserDecides(RequestGenerator.Case c) throws IOException {
        byte[] stream = concat(c.bytes(), FOLLOW_UP);
        List<PipelineModel.Answer> expected = PipelineModel.predict(stream, LIMITS);
        List<RawResponse> actual = exchange(stream);
        String story = "expected " + expected + ", got " + statuses(actual);
        for (int i = 0; i < expected.size() && i < actual.size(); i++) {
            PipelineModel.Answer want = expected.get(i);
            RawResponse got = actual.get(i);
            if (want.status() == 200 && isPathRefusal(got.status(), want.target())) {
                // PathDecoder and the router may refuse a path the parser let through; then the
                // connection may close, but never answer more than the parser saw.
                assertTrue(actual.size() <= expected.size(), story);
                return;
            }
            assertEquals(want.status(), got.status(), story);
            if (want.status() == 200) {
                assertArrayEquals(want.echo(), got.body(), story);
            }
        }
        assertEquals(expected.size(), actual.size(), story);
    }

    /** Sends {@code stream}, closes the sending side, and reads every response until the server closes. */
    private static List<RawResponse> exchange(byte[] stream) throws IOException {
        List<RawResponse> responses = new ArrayList<>();
        try (RawConnection c = server.connect()) {
            c.send(stream);
            c.socket().shutdownOutput();
            while (true) {
                RawResponse res;
                try {
                    res = c.readResponse();
                } catch (EOFException closed) {
                    return responses;
                }
                if (res.status() >= 200) {
                    responses.add(res); // 100 Continue is interim
                }
            }
        }
    }

    private static boolean isPathRefusal(int status, String target) {
        return (status == 400 || status == 404)
                && (target.contains("%") || target.contains("//") || target.contains("/."));
    }

    private static List<Integer> statuses(List<RawResponse> responses) {
        List<Integer> statuses = new ArrayList<>();
        for (RawResponse r : responses) {
            statuses.add(r.status());
        }
        return statuses;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
